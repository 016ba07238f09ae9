using Accreditation.Contracts.Observation.V1;

namespace Accreditation.Observation.Domain;

/// <summary>One change of one score: who, when, before, after, why. A score of 0 means none.</summary>
public sealed record AuditEntryRecord(
    string SessionId,
    string ComponentId,
    string CriterionId,
    MarkingStage Stage,
    string ChangedBy,
    DateTimeOffset ChangedAt,
    int ScoreBefore,
    string EvidenceBefore,
    int ScoreAfter,
    string EvidenceAfter,
    string Reason);
