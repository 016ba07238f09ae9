namespace Accreditation.Observation.Domain;

/// <summary>One complete marking evaluated against the pass rule.</summary>
public sealed record MarkResult(
    bool Passed,
    double OverallAverage,
    double LowestComponentAverage,
    IReadOnlyList<ComponentResultRecord> Components,
    IReadOnlyList<StatementResult> Statements);
