using Accreditation.Cli.Practice;
using Accreditation.Contracts.Observation.V1;

namespace Accreditation.Cli.Tests.Practice;

public sealed class ModerationDecisionTests
{
    /// <summary>A moderation case: two components, three criteria, the first marking scoring 2, 3, 4 and the second 3, 3, 1.</summary>
    private static Session Case(bool secondScoresAll = true)
    {
        var session = new Session
        {
            SessionId = "s-1",
            Components =
            {
                new Component { ComponentId = "simulation-1", Criteria = { new Criterion { CriterionId = "C1" }, new Criterion { CriterionId = "C2" } } },
                new Component { ComponentId = "written", Criteria = { new Criterion { CriterionId = "C1" } } },
            },
        };
        session.Markings.Add(Marking(MarkingStage.First, ("simulation-1", "C1", 2), ("simulation-1", "C2", 3), ("written", "C1", 4)));
        session.Markings.Add(secondScoresAll
            ? Marking(MarkingStage.Second, ("simulation-1", "C1", 3), ("simulation-1", "C2", 3), ("written", "C1", 1))
            : Marking(MarkingStage.Second, ("simulation-1", "C1", 3)));
        return session;
    }

    private static Marking Marking(MarkingStage stage, params (string Component, string Criterion, int Score)[] scores)
    {
        var marking = new Marking { Stage = stage, MarkerId = stage.ToString(), State = MarkingState.Submitted };
        marking.Scores.AddRange(scores.Select(s => new CriterionScore { ComponentId = s.Component, CriterionId = s.Criterion, Score = s.Score, Evidence = "seen" }));
        return marking;
    }

    [Theory]
    [InlineData(ModerationBasis.First, new[] { 2, 3, 4 })]
    [InlineData(ModerationBasis.Second, new[] { 3, 3, 1 })]
    [InlineData(ModerationBasis.Mean, new[] { 3, 3, 3 })]
    public void Scores_BothMarkingsScoredAll_EveryCriterionOnTheBasis(ModerationBasis basis, int[] expected)
    {
        var scores = ModerationDecision.Scores(Case(), basis);

        Assert.Equal([("simulation-1", "C1"), ("simulation-1", "C2"), ("written", "C1")], scores.Select(s => (s.ComponentId, s.CriterionId)));
        Assert.Equal(expected, scores.Select(s => s.Score));
        Assert.All(scores, s => Assert.StartsWith($"Moderated ({ModerationDecision.Name(basis)}): first marking ", s.Evidence, StringComparison.Ordinal));
    }

    [Fact]
    public void Scores_SecondMarkingScoredOneCriterion_TheOthersFromTheFirst()
    {
        var scores = ModerationDecision.Scores(Case(secondScoresAll: false), ModerationBasis.Second);

        Assert.Equal([3, 3, 4], scores.Select(s => s.Score));
        Assert.Equal("Moderated (second): first marking 4, second marking -; final 4.", scores[2].Evidence);
    }

    [Fact]
    public void Scores_NoMarkings_NoScores() =>
        Assert.Empty(ModerationDecision.Scores(new Session { Components = { new Component { ComponentId = "written", Criteria = { new Criterion { CriterionId = "C1" } } } } }, ModerationBasis.Mean));

    [Theory]
    [InlineData(ModerationBasis.First)]
    [InlineData(ModerationBasis.Second)]
    [InlineData(ModerationBasis.Mean)]
    public void Rationale_EveryBasis_ASentenceWithinTheServicesLimit(ModerationBasis basis) =>
        Assert.InRange(ModerationDecision.Rationale(basis).Length, 20, 900);
}
