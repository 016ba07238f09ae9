namespace Accreditation.Testing.Domain;

/// <summary>One scored sitting of a candidate.</summary>
public sealed record AttemptRecord(string SittingId, int AttemptNumber, bool Passed, DateTimeOffset ScoredAt);
