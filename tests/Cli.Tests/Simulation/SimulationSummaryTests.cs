using Accreditation.Cli.Output;
using Accreditation.Cli.Simulation;

namespace Accreditation.Cli.Tests.Simulation;

public sealed class SimulationSummaryTests
{
    [Fact]
    public void Write_PlainConsole_TableOfStagesPerAuthorityTotalsAndErrorsAsPlainText()
    {
        var stats = new SimulationStats();
        stats.Reached("A", Stage.Enrolled);
        stats.Reached("A", Stage.Enrolled);
        stats.Reached("B", Stage.Enrolled);
        stats.Reached("B", Stage.Withdrawn);
        stats.Error("Unavailable: down [sic]");
        stats.Call();
        using var output = new StringWriter();

        SimulationSummary.Write(CliConsole.Create(output, terminal: false), stats, ["A", "B"], SimulationOptions.KnowledgeTestStages);

        var lines = output.ToString().Split('\n').Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Where(l => l.Length > 0).ToList();
        Assert.Equal(["authority", "Enrolled", "Endorsed", "Withdrawn", "Sat", "Resat", "Passed", "NotPassed", "Errored"], lines[0]);
        Assert.Equal(["A", "2", "0", "0", "0", "0", "0", "0", "0"], lines[1]);
        Assert.Equal(["B", "1", "0", "1", "0", "0", "0", "0", "0"], lines[2]);
        Assert.Equal(["total", "3", "0", "1", "0", "0", "0", "0", "0"], lines[3]);
        Assert.Contains("1 x Unavailable: down [sic]", output.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', output.ToString());
        Assert.Equal(1, stats.ErrorCount);
    }

    [Fact]
    public void Write_EveryStage_PracticeColumnsBeforeErroredWithTotalsAndNotes()
    {
        var stats = new SimulationStats();
        stats.Reached("A", Stage.Observed);
        stats.Reached("A", Stage.Observed);
        stats.Reached("A", Stage.Reobserved);
        stats.Reached("A", Stage.SecondMarked);
        stats.Reached("A", Stage.Moderated);
        stats.Reached("A", Stage.PracticePassed);
        stats.Reached("B", Stage.Observed);
        stats.Reached("B", Stage.PracticeNotPassed);
        stats.Note("resit deferred");
        stats.Note("resit deferred");
        using var output = new StringWriter();

        SimulationSummary.Write(CliConsole.Create(output, terminal: false), stats, ["A", "B"]);

        var lines = output.ToString().Split('\n').Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Where(l => l.Length > 0).ToList();
        Assert.Equal(
            ["authority", "Enrolled", "Endorsed", "Withdrawn", "Sat", "Resat", "Passed", "NotPassed",
             "Observed", "Reobserved", "SecondMarked", "Moderated", "PracticePassed", "PracticeNotPassed", "Errored"],
            lines[0]);
        Assert.Equal(["A", "0", "0", "0", "0", "0", "0", "0", "2", "1", "1", "1", "1", "0", "0"], lines[1]);
        Assert.Equal(["B", "0", "0", "0", "0", "0", "0", "0", "1", "0", "0", "0", "0", "1", "0"], lines[2]);
        Assert.Equal(["total", "0", "0", "0", "0", "0", "0", "0", "3", "1", "1", "1", "1", "1", "0"], lines[3]);
        Assert.Contains("note: 2 x resit deferred", output.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, stats.ErrorCount);
    }

    [Theory]
    [InlineData(true, true, 14)]
    [InlineData(false, true, 8)]
    [InlineData(true, false, 8)]
    [InlineData(false, false, 8)]
    public void Stages_ByWhatRuns_PracticeColumnsOnlyWhenPracticeRuns(bool observation, bool knowledgeTest, int columns)
    {
        var options = new SimulationOptions("phase-1", ["A"], 1, 1, 7, 0) { Observation = observation, KnowledgeTest = knowledgeTest };

        Assert.Equal(columns, options.Stages.Count);
        Assert.Equal(observation && knowledgeTest, options.RunsPractice);
        Assert.Equal(Stage.Errored, options.Stages[^1]);
    }

    [Fact]
    public void For_Phase1WithoutList_TheFivePilotAuthorities() =>
        Assert.Equal(5, PhaseAuthorities.For("phase-1", null).Count);

    [Fact]
    public void For_Phase2WithoutList_UsageException() =>
        Assert.Throws<UsageException>(() => PhaseAuthorities.For("phase-2", null));

    [Fact]
    public void For_ListOfOnlyCommas_UsageException() =>
        Assert.Throws<UsageException>(() => PhaseAuthorities.For("phase-1", " , "));
}
