namespace Accreditation.Observation.Domain;

/// <summary>A session after a change of scores, with the audit entries of the change.</summary>
public sealed record ScoreChange(SessionRecord Session, IReadOnlyList<AuditEntryRecord> Audit);
