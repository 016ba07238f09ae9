namespace Accreditation.Observation.Domain;

/// <summary>Feedback on one KSS statement: the criteria that evidenced it, their mean, and whether each reached the minimum.</summary>
public sealed record StatementResult(int Statement, string Title, int Criteria, double Average, bool Met);
