namespace Accreditation.AssessmentRules.Resits;

/// <summary>One scored attempt of a person (registration number) at one component in a role, whichever enrolment it was under.</summary>
public sealed record AttemptRecord(string AttemptId, int AttemptNumber, bool Passed, DateTimeOffset ScoredAt);
