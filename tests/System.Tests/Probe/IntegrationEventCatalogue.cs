using Accreditation.Contracts.Events.V1;
using Google.Protobuf.Reflection;

namespace Accreditation.System.Tests.Probe;

/// <summary>Every integration event topic and the protobuf message it carries (protos/accreditation/events/v1).</summary>
public static class IntegrationEventCatalogue
{
    public static IReadOnlyDictionary<string, MessageDescriptor> Topics { get; } = new Dictionary<string, MessageDescriptor>(StringComparer.Ordinal)
    {
        [Contracts.Topics.CandidateEnrolled] = CandidateEnrolled.Descriptor,
        [Contracts.Topics.CandidateEndorsed] = CandidateEndorsed.Descriptor,
        [Contracts.Topics.CandidateWithdrawn] = CandidateWithdrawn.Descriptor,
        [Contracts.Topics.CandidateMoved] = CandidateMoved.Descriptor,
        [Contracts.Topics.EqualityMonitoringRecorded] = EqualityMonitoringRecorded.Descriptor,
        [Contracts.Topics.KnowledgeTestCompleted] = KnowledgeTestCompleted.Descriptor,
        [Contracts.Topics.SimulatedPracticeCompleted] = SimulatedPracticeCompleted.Descriptor,
        [Contracts.Topics.AccreditationAwarded] = AccreditationAwarded.Descriptor,
        [Contracts.Topics.AccreditationRecorded] = AccreditationRecorded.Descriptor,
    };
}
