using System.Globalization;
using Accreditation.Contracts.Observation.V1;

namespace Accreditation.Cli.Practice;

/// <summary>A moderator's final scores from the markings of a moderation case (the moderator's view carries both and the rubric).</summary>
public static class ModerationDecision
{
    /// <summary>
    /// A score for every criterion of the rubric that a marking scored, on <paramref name="basis"/>;
    /// a criterion only one marking scored takes that marking's score.
    /// </summary>
    public static List<CriterionScore> Scores(Session session, ModerationBasis basis)
    {
        ArgumentNullException.ThrowIfNull(session);
        var first = ScoresOf(session, MarkingStage.First);
        var second = ScoresOf(session, MarkingStage.Second);
        var scores = new List<CriterionScore>();
        foreach (var component in session.Components)
        {
            foreach (var criterion in component.Criteria)
            {
                var key = (component.ComponentId, criterion.CriterionId);
                var a = first.GetValueOrDefault(key);
                var b = second.GetValueOrDefault(key);
                if (a is null && b is null)
                {
                    continue;
                }

                var score = a is null ? b!.Score
                    : b is null ? a.Score
                    : basis switch
                    {
                        ModerationBasis.First => a.Score,
                        ModerationBasis.Second => b.Score,
                        _ => (int)Math.Round((a.Score + b.Score) / 2.0, MidpointRounding.AwayFromZero),
                    };
                scores.Add(new CriterionScore
                {
                    ComponentId = component.ComponentId,
                    CriterionId = criterion.CriterionId,
                    Score = score,
                    Evidence = string.Create(CultureInfo.InvariantCulture, $"Moderated ({Name(basis)}): first marking {a?.Score.ToString(CultureInfo.InvariantCulture) ?? "-"}, second marking {b?.Score.ToString(CultureInfo.InvariantCulture) ?? "-"}; final {score}."),
                });
            }
        }

        return scores;
    }

    /// <summary>The rationale recorded with a decision on <paramref name="basis"/>.</summary>
    public static string Rationale(ModerationBasis basis) => basis switch
    {
        ModerationBasis.First => "The moderator reviewed both markings and the evidence and upholds the first assessor's scores.",
        ModerationBasis.Second => "The moderator reviewed both markings and the evidence and upholds the second assessor's scores.",
        _ => "The moderator reviewed both markings and the evidence and settles each criterion between the two assessors' scores.",
    };

    public static string Name(ModerationBasis basis) => basis switch
    {
        ModerationBasis.First => "first",
        ModerationBasis.Second => "second",
        _ => "mean",
    };

    private static Dictionary<(string, string), CriterionScore> ScoresOf(Session session, MarkingStage stage) =>
        session.Markings.Where(m => m.Stage == stage).SelectMany(m => m.Scores)
            .GroupBy(s => (s.ComponentId, s.CriterionId))
            .ToDictionary(g => g.Key, g => g.Last());
}
