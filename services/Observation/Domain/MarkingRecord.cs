using Accreditation.Contracts.Observation.V1;

namespace Accreditation.Observation.Domain;

/// <summary>One marker's scores of a session (first, second or moderation): a draft until submitted, then locked.</summary>
public sealed record MarkingRecord
{
    public MarkingStage Stage { get; init; }

    public required string MarkerId { get; init; }

    public MarkingState State { get; init; } = MarkingState.Draft;

    public IReadOnlyList<ScoreRecord> Scores { get; init; } = [];

    public DateTimeOffset? SubmittedAt { get; init; }

    public string Rationale { get; init; } = "";
}
