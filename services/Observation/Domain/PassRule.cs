using Accreditation.AssessmentRules.Kss;
using Accreditation.Contracts.Common.V1;

namespace Accreditation.Observation.Domain;

/// <summary>
/// The pass rule. A component meets the standard when every criterion scores at least the
/// per-criterion minimum (default 2) and the mean of its criteria is at least the average minimum
/// (default 2.5); the candidate passes when every component meets it. Means are rounded to 2
/// decimals before they are compared. Feedback per KSS statement gathers the criteria that
/// evidence it across components.
/// </summary>
public static class PassRule
{
    /// <summary>The criteria of <paramref name="rubric"/> that <paramref name="scores"/> does not score, as "component/criterion".</summary>
    public static IReadOnlyList<string> Unscored(IReadOnlyList<ComponentRubric> rubric, IReadOnlyList<ScoreRecord> scores)
    {
        ArgumentNullException.ThrowIfNull(rubric);
        ArgumentNullException.ThrowIfNull(scores);
        var scored = scores.Select(s => (s.ComponentId, s.CriterionId)).ToHashSet();
        return rubric.SelectMany(c => c.Criteria.Where(k => !scored.Contains((c.ComponentId, k.CriterionId))).Select(k => c.ComponentId + "/" + k.CriterionId)).ToList();
    }

    public static MarkResult Evaluate(IReadOnlyList<ComponentRubric> rubric, IReadOnlyList<ScoreRecord> scores, PassRuleOptions rule, KssCatalog kss, Role role)
    {
        ArgumentNullException.ThrowIfNull(rubric);
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(kss);
        if (rubric.Count == 0 || rubric.Any(c => c.Criteria.Count == 0))
        {
            throw new ArgumentException("every component needs at least one criterion", nameof(rubric));
        }

        var byKey = scores.ToDictionary(s => (s.ComponentId, s.CriterionId), s => s.Score);
        var components = new List<ComponentResultRecord>();
        var statements = new SortedDictionary<int, List<int>>();
        var all = new List<int>();
        foreach (var component in rubric)
        {
            var values = new List<int>();
            foreach (var criterion in component.Criteria)
            {
                if (!byKey.TryGetValue((component.ComponentId, criterion.CriterionId), out var score))
                {
                    throw new InvalidOperationException($"{component.ComponentId}/{criterion.CriterionId} is not scored");
                }

                values.Add(score);
                all.Add(score);
                if (!statements.TryGetValue(criterion.KssStatement, out var list))
                {
                    statements[criterion.KssStatement] = list = [];
                }

                list.Add(score);
            }

            var average = Mean(values);
            var lowest = values.Min();
            components.Add(new ComponentResultRecord(component.ComponentId, component.Kind, average, lowest, lowest >= rule.CriterionMinimum && average >= rule.AverageMinimum));
        }

        var feedback = statements.Select(s => new StatementResult(s.Key, kss.Title(role, s.Key), s.Value.Count, Mean(s.Value), s.Value.All(v => v >= rule.CriterionMinimum))).ToList();
        return new MarkResult(components.All(c => c.MeetsStandard), Mean(all), components.Min(c => c.Average), components, feedback);
    }

    private static double Mean(IReadOnlyCollection<int> values) => Math.Round(values.Average(), 2, MidpointRounding.AwayFromZero);
}
