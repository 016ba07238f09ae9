using Accreditation.AssessmentRules.Kss;
using Accreditation.Contracts.Common.V1;
using Accreditation.Contracts.Testing.V1;

namespace Accreditation.Testing.Domain;

/// <summary>
/// Scores a sitting against the item versions it was given. The rule: every item is worth one
/// mark. A single-answer ("1 of 4") item earns it when the one selected option is its key. A
/// multiple-answer ("3 of 8") item earns it only when exactly its three keys are selected: no
/// partial credit, so selecting extra options never helps. An unanswered item earns nothing. The
/// percentage is rounded to 1 decimal and passes when it reaches the pass mark.
/// </summary>
public static class Scoring
{
    public static bool Earns(Item item, IReadOnlyCollection<string> selected)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(selected);
        return selected.Count == item.Keys.Count && item.Keys.All(selected.Contains);
    }

    public static SittingScore Score(
        Role role,
        Form form,
        Func<string, int, Item> itemVersion,
        IReadOnlyDictionary<int, IReadOnlyList<string>> answers,
        double passMarkPercentage,
        KssCatalog kss,
        DateTimeOffset scoredAt,
        bool closedAtDeadline)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(itemVersion);
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentNullException.ThrowIfNull(kss);
        var perStatement = new SortedDictionary<int, (int Items, int Marks)>();
        var score = 0;
        foreach (var formItem in form.Items)
        {
            var item = itemVersion(formItem.ItemId, formItem.Version);
            var earned = answers.TryGetValue(formItem.Position, out var selected) && Earns(item, selected.ToHashSet(StringComparer.Ordinal)) ? 1 : 0;
            score += earned;
            var (items, marks) = perStatement.GetValueOrDefault(item.KssStatement);
            perStatement[item.KssStatement] = (items + 1, marks + earned);
        }

        var max = form.Items.Count;
        var percentage = max == 0 ? 0 : Math.Round(score * 100.0 / max, 1, MidpointRounding.AwayFromZero);
        var breakdown = perStatement.Select(p => new StatementScore(p.Key, kss.Title(role, p.Key), p.Value.Items, p.Value.Marks)).ToList();
        return new SittingScore(percentage >= passMarkPercentage, score, max, percentage, passMarkPercentage, breakdown, scoredAt, closedAtDeadline);
    }
}
