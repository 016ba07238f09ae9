namespace Accreditation.Observation.Domain;

/// <summary>A score of 1 to 4 on one criterion of one component, with the evidence for it.</summary>
public sealed record ScoreRecord(string ComponentId, string CriterionId, int Score, string Evidence);
