using Accreditation.Contracts.Observation.V1;
using Accreditation.Observation.Domain;
using Accreditation.Observation.Infrastructure;

namespace Accreditation.Observation.Application;

/// <summary>Loads the scenario versions a session was given: its rubric, and the scenarios by component id for views.</summary>
public sealed class Rubrics(ScenarioRepository scenarios)
{
    public async Task<(IReadOnlyList<ComponentRubric> Rubric, IReadOnlyDictionary<string, Scenario> Scenarios)> LoadAsync(SessionRecord session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var rubric = new List<ComponentRubric>();
        var byComponent = new Dictionary<string, Scenario>(StringComparer.Ordinal);
        foreach (var component in session.Components)
        {
            var scenario = await scenarios.GetVersionAsync(component.ScenarioId, component.ScenarioVersion)
                ?? throw new InvalidOperationException($"scenario {component.ScenarioId} version {component.ScenarioVersion} of session {session.SessionId} is missing");
            rubric.Add(ComponentRubric.Of(component, scenario));
            byComponent[component.ComponentId] = scenario;
        }

        return (rubric, byComponent);
    }
}
