using Accreditation.AssessmentRules.Resits;
using Accreditation.BuildingBlocks.Idempotency;
using Accreditation.Testing.Domain;
using Accreditation.BuildingBlocks.Outbox;

namespace Accreditation.Testing.Infrastructure;

/// <summary>One transaction's worth of change to a candidate and/or a sitting.</summary>
public sealed record SittingChange
{
    public Stored<CandidateRecord>? CandidateBefore { get; init; }

    public CandidateRecord? Candidate { get; init; }

    public Stored<SittingRecord>? SittingBefore { get; init; }

    public SittingRecord? Sitting { get; init; }

    /// <summary>The person's attempt history key (registration number and role), when the history changes.</summary>
    public string? HistoryKey { get; init; }

    public Stored<List<AttemptRecord>>? HistoryBefore { get; init; }

    public IReadOnlyList<AttemptRecord>? History { get; init; }

    public CommandKey? Command { get; init; }

    public byte[]? Response { get; init; }

    public IReadOnlyList<IntegrationEvent> Events { get; init; } = [];
}
