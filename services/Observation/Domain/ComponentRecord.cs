using Accreditation.Contracts.Observation.V1;

namespace Accreditation.Observation.Domain;

/// <summary>One component of a session: which version of which scenario, and the actor of a simulation.</summary>
public sealed record ComponentRecord(string ComponentId, ComponentKind Kind, string ScenarioId, int ScenarioVersion, string Title, string ActorId);
