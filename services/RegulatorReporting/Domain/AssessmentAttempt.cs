namespace Accreditation.RegulatorReporting.Domain;

/// <summary>One completed attempt at a component (knowledge test sitting or simulated practice session).</summary>
public sealed record AssessmentAttempt(int AttemptNumber, bool Passed, DateTimeOffset CompletedAt);
