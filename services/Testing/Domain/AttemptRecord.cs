namespace Accreditation.Testing.Domain;

/// <summary>One scored sitting of a person (registration number) in a role, whichever enrolment it was under.</summary>
public sealed record AttemptRecord(string SittingId, int AttemptNumber, bool Passed, DateTimeOffset ScoredAt);
