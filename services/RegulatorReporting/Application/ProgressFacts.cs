using Accreditation.BuildingBlocks.Subscriptions;
using Accreditation.Contracts.Common.V1;
using Accreditation.Contracts.Events.V1;
using Accreditation.RegulatorReporting.Domain;
using Google.Protobuf.WellKnownTypes;

namespace Accreditation.RegulatorReporting.Application;

/// <summary>
/// Reads the integration events Reporting subscribes to as <see cref="ProgressFact"/>s. An event
/// without an enrolment id, a registration number, an assessed role or a time is poison (dropped to
/// the dead-letter topic): nothing later can make it usable.
/// </summary>
public static class ProgressFacts
{
    public static ProgressFact From(CandidateEnrolled e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return Fact(ProgressFactKind.Enrolled, e.EnrolmentId, e.RegistrationNumber, e.Role, e.Authority, e.OccurredAt) with { EnrolmentVersion = e.EnrolmentVersion, Phase = e.Phase };
    }

    public static ProgressFact From(CandidateEndorsed e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return Fact(ProgressFactKind.Endorsed, e.EnrolmentId, e.RegistrationNumber, e.Role, e.Authority, e.OccurredAt) with { EnrolmentVersion = e.EnrolmentVersion };
    }

    public static ProgressFact From(CandidateWithdrawn e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return Fact(ProgressFactKind.Withdrawn, e.EnrolmentId, e.RegistrationNumber, e.Role, e.Authority, e.OccurredAt) with { EnrolmentVersion = e.EnrolmentVersion };
    }

    public static ProgressFact From(CandidateMoved e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return Fact(ProgressFactKind.Moved, e.EnrolmentId, e.RegistrationNumber, e.Role, e.Authority, e.OccurredAt) with { EnrolmentVersion = e.EnrolmentVersion };
    }

    public static ProgressFact From(KnowledgeTestCompleted e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return Fact(ProgressFactKind.KnowledgeTestCompleted, e.EnrolmentId, e.RegistrationNumber, e.Role, e.Authority, e.OccurredAt) with
        {
            AttemptKey = Attempt(e.SittingId, "sitting_id"),
            AttemptNumber = e.AttemptNumber,
            Passed = Outcome(e.Outcome),
        };
    }

    public static ProgressFact From(SimulatedPracticeCompleted e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return Fact(ProgressFactKind.SimulatedPracticeCompleted, e.EnrolmentId, e.RegistrationNumber, e.Role, e.Authority, e.OccurredAt) with
        {
            AttemptKey = Attempt(e.SessionId, "session_id"),
            AttemptNumber = e.AttemptNumber,
            Passed = Outcome(e.Outcome),
        };
    }

    public static EqualityAnswers From(EqualityMonitoringRecorded e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var m = e.EqualityMonitoring ?? new Contracts.Enrolment.V1.EqualityMonitoring();
        return new EqualityAnswers(
            Id(e.EnrolmentId),
            BuildingBlocks.Protobuf.ProtoEnumNames.NameOf(m.AgeBand),
            BuildingBlocks.Protobuf.ProtoEnumNames.NameOf(m.EthnicGroup),
            BuildingBlocks.Protobuf.ProtoEnumNames.NameOf(m.Sex),
            BuildingBlocks.Protobuf.ProtoEnumNames.NameOf(m.Disability),
            Time(e.OccurredAt));
    }

    private static ProgressFact Fact(ProgressFactKind kind, string enrolmentId, string registrationNumber, Role role, LocalAuthorityRef? authority, Timestamp? occurredAt) => new()
    {
        Kind = kind,
        EnrolmentId = Id(enrolmentId),
        RegistrationNumber = Domain.RegistrationNumber.Normalise(registrationNumber) ?? throw new PoisonEventException($"registration_number '{registrationNumber}' is not a register number"),
        Role = role is Role.ChildAndFamilyPractitioner or Role.PracticeSupervisor ? role : throw new PoisonEventException($"role {role} is not an assessed role"),
        Authority = authority is null ? AuthorityRecord.None : new AuthorityRecord(authority.GssCode, authority.LaNumber, authority.Name),
        OccurredAt = Time(occurredAt),
    };

    private static string Id(string enrolmentId) =>
        BuildingBlocks.Validation.Require.IsId(enrolmentId) ? enrolmentId : throw new PoisonEventException("the event has no valid enrolment_id");

    private static string Attempt(string id, string field) =>
        BuildingBlocks.Validation.Require.IsId(id) ? id : throw new PoisonEventException($"the event has no valid {field}");

    private static bool Outcome(AssessmentOutcome outcome) => outcome switch
    {
        AssessmentOutcome.Passed => true,
        AssessmentOutcome.Failed => false,
        _ => throw new PoisonEventException("the event has no outcome"),
    };

    private static DateTimeOffset Time(Timestamp? at)
    {
        try
        {
            return at?.ToDateTimeOffset() ?? throw new PoisonEventException("the event has no occurred_at");
        }
        catch (InvalidOperationException)
        {
            throw new PoisonEventException("the event's occurred_at is not a valid time");
        }
    }
}
