using Accreditation.Contracts.Common.V1;
using Accreditation.Contracts.Observation.V1;

namespace Accreditation.Observation.Domain;

/// <summary>One simulated-practice session (one attempt) as the store keeps it.</summary>
public sealed record SessionRecord
{
    public required string SessionId { get; init; }

    public required string EnrolmentId { get; init; }

    public string RegistrationNumber { get; init; } = "";

    public Role Role { get; init; }

    public SessionState State { get; init; }

    public int AttemptNumber { get; init; }

    public DateTimeOffset SlotStart { get; init; }

    public string Location { get; init; } = "";

    public bool Filmed { get; init; }

    public IReadOnlyList<ComponentRecord> Components { get; init; } = [];

    public string FirstAssessorId { get; init; } = "";

    public string SecondAssessorId { get; init; } = "";

    public string ModeratorId { get; init; } = "";

    /// <summary>The `sub` of the booking system that scheduled it; only it reads and changes the session through scheduling.</summary>
    public string ScheduledBy { get; init; } = "";

    public DateTimeOffset ScheduledAt { get; init; }

    public IReadOnlyList<MarkingRecord> Markings { get; init; } = [];

    public SecondMarkingReason SecondMarkingReason { get; init; } = SecondMarkingReason.None;

    public SessionResult? Result { get; init; }

    public string CancellationReason { get; init; } = "";

    /// <summary>Increases with every change.</summary>
    public long Version { get; init; }

    public MarkingRecord? MarkingOf(MarkingStage stage) => Markings.FirstOrDefault(m => m.Stage == stage);
}
