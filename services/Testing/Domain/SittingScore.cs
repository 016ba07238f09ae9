namespace Accreditation.Testing.Domain;

/// <summary>The scored outcome of a sitting.</summary>
public sealed record SittingScore(
    bool Passed,
    int Score,
    int MaxScore,
    double Percentage,
    double PassMarkPercentage,
    IReadOnlyList<StatementScore> Breakdown,
    DateTimeOffset ScoredAt,
    bool ClosedAtDeadline);
