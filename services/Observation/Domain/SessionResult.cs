using Accreditation.Contracts.Observation.V1;

namespace Accreditation.Observation.Domain;

/// <summary>The final outcome of a session: whose marking it rests on, when it was decided, and the evaluation.</summary>
public sealed record SessionResult(
    bool Passed,
    DateTimeOffset DecidedAt,
    MarkingStage DecidedBy,
    MarkResult Evaluation,
    int CriterionMinimum,
    double AverageMinimum);
