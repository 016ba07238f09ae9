using Accreditation.AssessmentRules.Kss;
using Accreditation.BuildingBlocks.Errors;
using Accreditation.Contracts.Common.V1;
using Accreditation.Contracts.Testing.V1;

namespace Accreditation.Testing.Domain;

/// <summary>
/// Assembles a form from the active items of a role. Standalone knowledge items first: one for
/// every KSS statement, the rest drawn at random; then the items of one case scenario. Item order
/// and option order are random per sitting and reproducible from the seed (inputs are sorted
/// first, so the result does not depend on the order the store returned them in).
/// </summary>
public static class FormAssembler
{
    public static Form Assemble(Role role, IEnumerable<Item> activeItems, IEnumerable<CaseScenario> scenarios, Blueprint blueprint, KssCatalog kss, int seed)
    {
        ArgumentNullException.ThrowIfNull(blueprint);
        ArgumentNullException.ThrowIfNull(kss);
        var random = new Random(seed);
        var items = activeItems.Where(i => i.Role == role && i.Status == ItemStatus.Active)
            .OrderBy(i => i.ItemId, StringComparer.Ordinal).ToList();
        var statements = kss.For(role).Select(s => s.Number).ToList();
        if (blueprint.KnowledgeItems < statements.Count)
        {
            throw new InvalidOperationException($"the blueprint has {blueprint.KnowledgeItems} knowledge items; {role} has {statements.Count} statements to cover");
        }

        var standalone = items.Where(i => i.ScenarioId.Length == 0).ToList();
        var knowledge = new List<Item>();
        foreach (var statement in statements)
        {
            var candidates = standalone.Where(i => i.KssStatement == statement).ToList();
            if (candidates.Count == 0)
            {
                throw new DomainRuleException($"the question bank has no active knowledge item for statement {statement} of {role}; a form cannot be assembled");
            }

            knowledge.Add(candidates[random.Next(candidates.Count)]);
        }

        var rest = Shuffle(standalone.Except(knowledge).ToList(), random);
        var fill = blueprint.KnowledgeItems - knowledge.Count;
        if (rest.Count < fill)
        {
            throw new DomainRuleException($"the question bank has {standalone.Count} active knowledge items for {role}; the blueprint needs {blueprint.KnowledgeItems}");
        }

        knowledge = Shuffle([.. knowledge, .. rest.Take(fill)], random);

        var scenarioItems = new List<Item>();
        CaseScenario? scenario = null;
        if (blueprint.ScenarioItems > 0)
        {
            var usable = scenarios.Where(s => s.Role == role)
                .OrderBy(s => s.ScenarioId, StringComparer.Ordinal)
                .Where(s => items.Count(i => i.ScenarioId == s.ScenarioId) >= blueprint.ScenarioItems)
                .ToList();
            if (usable.Count == 0)
            {
                throw new DomainRuleException($"the question bank has no case scenario for {role} with {blueprint.ScenarioItems} active items; a form cannot be assembled");
            }

            scenario = usable[random.Next(usable.Count)];
            scenarioItems = Shuffle(items.Where(i => i.ScenarioId == scenario.ScenarioId).ToList(), random).Take(blueprint.ScenarioItems).ToList();
        }

        var formItems = knowledge.Concat(scenarioItems)
            .Select((item, index) => new FormItem(
                index + 1,
                item.ItemId,
                item.Version,
                Shuffle(item.Options.Select(o => o.OptionId).ToList(), random)))
            .ToList();
        return new Form(seed, scenario?.ScenarioId ?? "", scenario?.Version ?? 0, formItems);
    }

    private static List<T> Shuffle<T>(List<T> list, Random random)
    {
        var copy = list.ToArray();
        random.Shuffle(copy);
        return [.. copy];
    }
}
