namespace Accreditation.Observation.Domain;

/// <summary>One criterion of a component's rubric and the KSS statement it evidences.</summary>
public sealed record RubricCriterion(string CriterionId, int KssStatement);
