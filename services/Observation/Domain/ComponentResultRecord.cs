using Accreditation.Contracts.Observation.V1;

namespace Accreditation.Observation.Domain;

/// <summary>How one component scored against the pass rule.</summary>
public sealed record ComponentResultRecord(string ComponentId, ComponentKind Kind, double Average, int LowestScore, bool MeetsStandard);
