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

        SimulationSummary.Write(CliConsole.Create(output, terminal: false), stats, ["A", "B"]);

        var lines = output.ToString().Split('\n').Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Where(l => l.Length > 0).ToList();
        Assert.Equal(["authority", .. Enum.GetNames<Stage>()], lines[0]);
        Assert.Equal(["A", "2", "0", "0", "0", "0", "0", "0", "0"], lines[1]);
        Assert.Equal(["B", "1", "0", "1", "0", "0", "0", "0", "0"], lines[2]);
        Assert.Equal(["total", "3", "0", "1", "0", "0", "0", "0", "0"], lines[3]);
        Assert.Contains("1 x Unavailable: down [sic]", output.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', output.ToString());
        Assert.Equal(1, stats.ErrorCount);
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
