using Accreditation.Contracts.Common.V1;
using Accreditation.Observation.Domain;

namespace Accreditation.Observation.Tests.Domain;

public sealed class PassRuleTests
{
    [Fact]
    public void Evaluate_EveryCriterionThree_Passed()
    {
        var result = Rubrics.Evaluate(3, 3, 3);

        Assert.True(result.Passed);
        Assert.Equal(3.0, result.OverallAverage);
        Assert.All(result.Components, c => Assert.True(c.MeetsStandard));
    }

    [Fact]
    public void Evaluate_OneCriterionBelowMinimum_FailedEvenWithHighMean()
    {
        var result = Rubrics.Evaluate(4, 1, 4);

        Assert.False(result.Passed);
        var sim = result.Components.Single(c => c.ComponentId == "sim");
        Assert.Equal(2.5, sim.Average);
        Assert.Equal(1, sim.LowestScore);
        Assert.False(sim.MeetsStandard);
        Assert.True(result.Components.Single(c => c.ComponentId == "written").MeetsStandard);
    }

    [Fact]
    public void Evaluate_ComponentMeanBelowAverageMinimum_Failed()
    {
        var result = Rubrics.Evaluate(2, 2, 4);

        Assert.False(result.Passed);
        Assert.Equal(2.0, result.LowestComponentAverage);
    }

    [Fact]
    public void Evaluate_ComponentMeanExactlyAtMinimum_Passed() =>
        Assert.True(Rubrics.Evaluate(2, 3, 3).Passed);

    [Fact]
    public void Evaluate_ConfiguredMinimums_Applied()
    {
        var strict = new PassRuleOptions { CriterionMinimum = 3, AverageMinimum = 3 };

        var result = PassRule.Evaluate(Rubrics.Small, Rubrics.Scores(3, 4, 2), strict, Rubrics.Kss, Role.ChildAndFamilyPractitioner);

        Assert.False(result.Passed);
        Assert.False(result.Components.Single(c => c.ComponentId == "written").MeetsStandard);
    }

    [Fact]
    public void Evaluate_Feedback_GathersEachStatementAcrossComponents()
    {
        var result = Rubrics.Evaluate(4, 3, 1);

        Assert.Equal([1, 2], result.Statements.Select(s => s.Statement));
        var two = result.Statements.Single(s => s.Statement == 2);
        Assert.Equal(2, two.Criteria);
        Assert.Equal(2.0, two.Average);
        Assert.False(two.Met);
        Assert.Equal("Communication", two.Title);
        Assert.True(result.Statements.Single(s => s.Statement == 1).Met);
    }

    [Fact]
    public void Unscored_MissingCriteria_NamedByComponentAndCriterion()
    {
        var scores = Rubrics.Scores(3, 3, 3).Where(s => s.ComponentId == "sim" && s.CriterionId == "C1").ToList();

        Assert.Equal(["sim/C2", "written/C1"], PassRule.Unscored(Rubrics.Small, scores));
    }
}
