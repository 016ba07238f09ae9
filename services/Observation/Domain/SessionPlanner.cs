using Accreditation.BuildingBlocks.Errors;
using Accreditation.Contracts.Common.V1;
using Accreditation.Contracts.Observation.V1;

namespace Accreditation.Observation.Domain;

/// <summary>
/// Chooses what a new session is made of: the configured components on active scenarios of the
/// role (simulations on distinct scenarios), an available actor for each simulation, and (when the
/// booking system names none) an eligible first assessor. Choices are random per session and
/// reproducible from the session id and the seed; inputs are sorted first, so the result does not
/// depend on the order the store returned them in.
/// </summary>
public static class SessionPlanner
{
    public static IReadOnlyList<ComponentRecord> Components(
        Role role, IEnumerable<Scenario> activeScenarios, IEnumerable<Actor> actors, ComponentsOptions components, DateTimeOffset slot, Random random)
    {
        ArgumentNullException.ThrowIfNull(components);
        ArgumentNullException.ThrowIfNull(random);
        var scenarios = activeScenarios.Where(s => s.Role == role && s.Status == ScenarioStatus.Active).OrderBy(s => s.ScenarioId, StringComparer.Ordinal).ToList();
        var result = new List<ComponentRecord>();
        if (components.Simulations > 0)
        {
            var simulations = scenarios.Where(s => s.Kind == ComponentKind.Simulation).ToArray();
            if (simulations.Length < components.Simulations)
            {
                throw new DomainRuleException($"the scenario set has {simulations.Length} active simulations for {role}; a session needs {components.Simulations} on distinct scenarios");
            }

            var available = actors.Where(a => a.Active && IsAvailable(a.Availability, slot)).OrderBy(a => a.ActorId, StringComparer.Ordinal).ToArray();
            if (available.Length == 0)
            {
                throw new DomainRuleException($"no registered actor is available at {SessionRules.Iso(slot)}", "slot_start");
            }

            random.Shuffle(simulations);
            random.Shuffle(available);
            for (var i = 0; i < components.Simulations; i++)
            {
                var s = simulations[i];
                result.Add(new ComponentRecord($"simulation-{i + 1}", s.Kind, s.ScenarioId, s.Version, s.Title, available[i % available.Length].ActorId));
            }
        }

        if (components.Reflective)
        {
            result.Add(One(scenarios, ComponentKind.Reflective, "reflective", role, random));
        }

        if (components.Written)
        {
            result.Add(One(scenarios, ComponentKind.Written, "written", role, random));
        }

        return result;
    }

    /// <summary>
    /// Assessors who may assess a candidate of <paramref name="role"/> and <paramref name="candidateAuthority"/>
    /// (active, trained for the role, no conflict of interest, available at <paramref name="slot"/> when given), in id order.
    /// </summary>
    public static IReadOnlyList<Assessor> EligibleAssessors(
        IEnumerable<Assessor> assessors, Role role, string candidateAuthority, DateTimeOffset at, DateTimeOffset? slot, ConflictOfInterestOptions conflicts, IReadOnlyCollection<string> excluded)
    {
        ArgumentNullException.ThrowIfNull(assessors);
        ArgumentNullException.ThrowIfNull(excluded);
        return assessors
            .Where(a => a.Active && a.Roles.Contains(role) && !excluded.Contains(a.AssessorId))
            .Where(a => slot is null || IsAvailable(a.Availability, slot.Value))
            .Where(a => ConflictOfInterest.Find(a, candidateAuthority, at, conflicts) is null)
            .OrderBy(a => a.AssessorId, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>FAILED_PRECONDITION naming <paramref name="field"/> unless the named assessor may assess this candidate at this slot.</summary>
    public static void EnsureMayAssess(Assessor assessor, Role role, string candidateAuthority, DateTimeOffset at, DateTimeOffset? slot, ConflictOfInterestOptions conflicts, string field)
    {
        ArgumentNullException.ThrowIfNull(assessor);
        if (!assessor.Active)
        {
            throw new DomainRuleException($"assessor {assessor.AssessorId} is not active", field);
        }

        if (!assessor.Roles.Contains(role))
        {
            throw new DomainRuleException($"assessor {assessor.AssessorId} is not trained to assess {role}", field);
        }

        ConflictOfInterest.Ensure(assessor, candidateAuthority, at, conflicts, field);
        if (slot is { } s && !IsAvailable(assessor.Availability, s))
        {
            throw new DomainRuleException($"assessor {assessor.AssessorId} is not available at {SessionRules.Iso(s)}", field);
        }
    }

    /// <summary>Available when no windows are declared, or when <paramref name="at"/> falls in one (start inclusive, end exclusive).</summary>
    public static bool IsAvailable(IEnumerable<TimeWindow> windows, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(windows);
        var list = windows.ToList();
        return list.Count == 0 || list.Any(w => w.Start is not null && w.End is not null && w.Start.ToDateTimeOffset() <= at && at < w.End.ToDateTimeOffset());
    }

    private static ComponentRecord One(List<Scenario> scenarios, ComponentKind kind, string id, Role role, Random random)
    {
        var options = scenarios.Where(s => s.Kind == kind).ToList();
        if (options.Count == 0)
        {
            throw new DomainRuleException($"the scenario set has no active {id} component for {role}");
        }

        var s = options[random.Next(options.Count)];
        return new ComponentRecord(id, kind, s.ScenarioId, s.Version, s.Title, "");
    }
}
