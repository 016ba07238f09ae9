using Accreditation.Cli.Practice;
using Accreditation.Cli.Simulation;
using Accreditation.Contracts.Common.V1;
using Accreditation.Contracts.Observation.V1;

namespace Accreditation.Cli.Tests.Practice;

public sealed class PracticeScoringTests
{
    /// <summary>A session's components as an assessor sees them: two simulations on distinct scenarios, the reflective and the written component, with their rubrics.</summary>
    private static List<Component> SessionOf(Role role, Random random)
    {
        var scenarios = role == Role.ChildAndFamilyPractitioner ? SampleScenarios.Practitioner() : SampleScenarios.PracticeSupervisor();
        var simulations = scenarios.Where(s => s.Kind == ComponentKind.Simulation).ToArray();
        random.Shuffle(simulations);
        var picked = new[] { simulations[0], simulations[1], scenarios.Single(s => s.Kind == ComponentKind.Reflective), scenarios.Single(s => s.Kind == ComponentKind.Written) };
        var ids = new[] { "simulation-1", "simulation-2", "reflective", "written" };
        return [.. picked.Select((s, i) => new Component { ComponentId = ids[i], Kind = s.Kind, ScenarioId = s.ScenarioId, Title = s.Title, Criteria = { s.Criteria } })];
    }

    /// <summary>The service's default pass rule (services/Observation/Domain/PassRule.cs): every criterion at least 2, every component's mean (2 decimals) at least 2.5.</summary>
    private static bool Passes(IReadOnlyList<Component> components, IReadOnlyList<CriterionScore> scores) =>
        components.All(c =>
        {
            var values = scores.Where(s => s.ComponentId == c.ComponentId).Select(s => s.Score).ToList();
            return values.Min() >= 2 && Math.Round(values.Average(), 2, MidpointRounding.AwayFromZero) >= 2.5;
        });

    [Fact]
    public void Score_SessionRubric_EveryCriterionOnceWithinOneToFourWithEvidence()
    {
        var components = SessionOf(Role.ChildAndFamilyPractitioner, new Random(1));

        var scores = PracticeScoring.Score(components, 0.7, new Random(2), "Observed live.");

        Assert.Equal(PracticeScoring.CriteriaOf(components), scores.Count);
        Assert.Equal(scores.Count, scores.Select(s => (s.ComponentId, s.CriterionId)).Distinct().Count());
        Assert.All(scores, s => Assert.InRange(s.Score, 1, 4));
        Assert.All(scores, s => Assert.StartsWith("Observed live. ", s.Evidence, StringComparison.Ordinal));
        Assert.All(scores, s => Assert.Contains($"(level {s.Score})", s.Evidence, StringComparison.Ordinal));
        Assert.All(scores, s => Assert.InRange(s.Evidence.Length, 20, PracticeScoring.MaxEvidenceLength));
    }

    [Fact]
    public void Score_FullAbility_EveryCriterionMeetsTheStandard()
    {
        var scores = PracticeScoring.Score(SessionOf(Role.PracticeSupervisor, new Random(3)), 1, new Random(4));

        Assert.All(scores, s => Assert.InRange(s.Score, 3, 4));
    }

    [Fact]
    public void Score_NoAbility_NoCriterionMeetsTheStandard()
    {
        var scores = PracticeScoring.Score(SessionOf(Role.PracticeSupervisor, new Random(3)), 0, new Random(4));

        Assert.All(scores, s => Assert.InRange(s.Score, 1, 2));
    }

    [Fact]
    public void Score_SameSeed_SameScores()
    {
        var components = SessionOf(Role.ChildAndFamilyPractitioner, new Random(5));

        var first = PracticeScoring.Score(components, 0.6, new Random(9));
        var again = PracticeScoring.Score(components, 0.6, new Random(9));

        Assert.Equal(first, again);
    }

    [Fact]
    public void Evidence_CriterionWithoutDescription_NamesTheCriterion()
    {
        var component = new Component { ComponentId = "written", Title = "Written assessment" };

        var evidence = PracticeScoring.Evidence(component, new Criterion { CriterionId = "C3" }, 2, null);

        Assert.Equal("Written assessment (written), C3: C3: partly demonstrated, with gaps (level 2).", evidence);
    }

    /// <summary>
    /// The simulation's mix (a quarter weaker) against the default pass rule: about a third fail their
    /// first marking (so go to a second assessor); strong candidates mostly pass, weak ones mostly fail.
    /// </summary>
    [Fact]
    public void Score_SimulationAbilities_FirstMarkingFailsAboutAThirdStrongPassWeakFail()
    {
        const int Candidates = 4000;
        var abilities = Simulator.PracticeAbilities(7, Candidates);
        var random = new Random(11);
        var (strong, strongPassed, weak, weakPassed) = (0, 0, 0, 0);
        for (var i = 0; i < Candidates; i++)
        {
            var components = SessionOf(i % 5 == 0 ? Role.PracticeSupervisor : Role.ChildAndFamilyPractitioner, random);
            var passed = Passes(components, PracticeScoring.Score(components, abilities[i], random));
            if (abilities[i] == Simulator.StrongPractice)
            {
                (strong, strongPassed) = (strong + 1, strongPassed + (passed ? 1 : 0));
            }
            else
            {
                (weak, weakPassed) = (weak + 1, weakPassed + (passed ? 1 : 0));
            }
        }

        Assert.Equal(Candidates / 4, weak);
        Assert.InRange((double)strongPassed / strong, 0.75, 0.92);
        Assert.InRange((double)weakPassed / weak, 0, 0.1);
        Assert.InRange(1 - ((double)(strongPassed + weakPassed) / Candidates), 0.25, 0.45);
    }

    [Fact]
    public void PracticeAbilities_SameSeed_SameAbilitiesAndOtherSeedOthers()
    {
        var first = Simulator.PracticeAbilities(7, 200);

        Assert.Equal(first, Simulator.PracticeAbilities(7, 200));
        Assert.NotEqual(first, Simulator.PracticeAbilities(8, 200));
        Assert.All(first, a => Assert.Contains(a, new[] { Simulator.StrongPractice, Simulator.WeakPractice }));
    }

    [Theory]
    [InlineData(1, 0)]
    [InlineData(2, 1)]
    [InlineData(20, 5)]
    [InlineData(25, 6)]
    [InlineData(50, 13)]
    public void PracticeAbilities_AnyRunSize_AQuarterWeakerRounded(int candidates, int weak) =>
        Assert.Equal(weak, Simulator.PracticeAbilities(3, candidates).Count(a => a == Simulator.WeakPractice));
}
