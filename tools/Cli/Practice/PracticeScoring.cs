using System.Globalization;
using Accreditation.Contracts.Observation.V1;

namespace Accreditation.Cli.Practice;

/// <summary>
/// How a simulated assessor scores a candidate of a given ability: each criterion meets the
/// standard with probability <c>ability</c> (then 3, or 4 with probability <see cref="StrongShare"/>),
/// otherwise it falls short (2, or 1 with probability <see cref="PoorShare"/>), and every score
/// carries an evidence note drawn from the criterion's rubric. Against the default pass rule (no
/// criterion below 2, every component's mean at least 2.5), an ability of about 0.9 nearly always
/// passes and one of about 0.4 nearly always fails.
/// </summary>
public static class PracticeScoring
{
    /// <summary>Share of criteria that meet the standard and score 4 rather than 3.</summary>
    public const double StrongShare = 0.35;

    /// <summary>Share of criteria that fall short and score 1 rather than 2.</summary>
    public const double PoorShare = 0.15;

    private static readonly string[] Judgements =
    [
        "not demonstrated",
        "partly demonstrated, with gaps",
        "demonstrated clearly and consistently",
        "strongly demonstrated throughout",
    ];

    /// <summary>A score for every criterion of every component (the rubric of an assessor's or moderator's view).</summary>
    /// <param name="note">Evidence note put before each criterion's own; null for none.</param>
    public static List<CriterionScore> Score(IEnumerable<Component> components, double ability, Random random, string? note = null)
    {
        ArgumentNullException.ThrowIfNull(components);
        ArgumentNullException.ThrowIfNull(random);
        var scores = new List<CriterionScore>();
        foreach (var component in components)
        {
            foreach (var criterion in component.Criteria)
            {
                var score = random.NextDouble() < ability
                    ? random.NextDouble() < StrongShare ? 4 : 3
                    : random.NextDouble() < PoorShare ? 1 : 2;
                scores.Add(new CriterionScore
                {
                    ComponentId = component.ComponentId,
                    CriterionId = criterion.CriterionId,
                    Score = score,
                    Evidence = Evidence(component, criterion, score, note),
                });
            }
        }

        return scores;
    }

    /// <summary>Number of criteria a rubric has, over every component.</summary>
    public static int CriteriaOf(IEnumerable<Component> components)
    {
        ArgumentNullException.ThrowIfNull(components);
        return components.Sum(c => c.Criteria.Count);
    }

    /// <summary>The note of a score: what was observed against the criterion, at which level.</summary>
    public static string Evidence(Component component, Criterion criterion, int score, string? note)
    {
        ArgumentNullException.ThrowIfNull(component);
        ArgumentNullException.ThrowIfNull(criterion);
        var what = string.IsNullOrWhiteSpace(criterion.Description) ? criterion.CriterionId : criterion.Description.Trim().TrimEnd('.');
        var judgement = Judgements[Math.Clamp(score, 1, 4) - 1];
        var own = string.Create(CultureInfo.InvariantCulture, $"{component.Title} ({component.ComponentId}), {criterion.CriterionId}: {what}: {judgement} (level {score}).");
        var text = string.IsNullOrWhiteSpace(note) ? own : note.Trim() + " " + own;
        return text.Length <= MaxEvidenceLength ? text : text[..MaxEvidenceLength];
    }

    /// <summary>The service's longest evidence note.</summary>
    public const int MaxEvidenceLength = 4000;
}
