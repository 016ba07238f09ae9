using Accreditation.AssessmentRules.Resits;
using Accreditation.BuildingBlocks.Idempotency;
using Accreditation.BuildingBlocks.Outbox;
using Accreditation.Observation.Domain;

namespace Accreditation.Observation.Infrastructure;

/// <summary>One transaction's worth of change to a candidate and/or a session, with its audit entries, command record and events.</summary>
public sealed record SessionChange
{
    public Stored<CandidateRecord>? CandidateBefore { get; init; }

    public CandidateRecord? Candidate { get; init; }

    public Stored<SessionRecord>? SessionBefore { get; init; }

    public SessionRecord? Session { get; init; }

    /// <summary>The person's attempt history key (registration number and role), when the history is read or changes.</summary>
    public string? HistoryKey { get; init; }

    public Stored<List<AttemptRecord>>? HistoryBefore { get; init; }

    public IReadOnlyList<AttemptRecord>? History { get; init; }

    public IReadOnlyList<AuditEntryRecord> Audit { get; init; } = [];

    public CommandKey? Command { get; init; }

    public byte[]? Response { get; init; }

    public IReadOnlyList<IntegrationEvent> Events { get; init; } = [];
}
