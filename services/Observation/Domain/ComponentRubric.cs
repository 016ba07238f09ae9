using Accreditation.Contracts.Observation.V1;

namespace Accreditation.Observation.Domain;

/// <summary>The rubric of one component of a session: the criteria of the scenario version it was given.</summary>
public sealed record ComponentRubric(string ComponentId, ComponentKind Kind, IReadOnlyList<RubricCriterion> Criteria)
{
    public static ComponentRubric Of(ComponentRecord component, Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(component);
        ArgumentNullException.ThrowIfNull(scenario);
        return new ComponentRubric(component.ComponentId, component.Kind, scenario.Criteria.Select(c => new RubricCriterion(c.CriterionId, c.KssStatement)).ToList());
    }
}
