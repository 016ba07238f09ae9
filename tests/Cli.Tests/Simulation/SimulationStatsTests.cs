using Accreditation.Cli.Simulation;

namespace Accreditation.Cli.Tests.Simulation;

public sealed class SimulationStatsTests
{
    [Fact]
    public void Summary_CountsPerAuthorityAndStage_TotalsAndErrors()
    {
        var stats = new SimulationStats();
        stats.Reached("A", Stage.Enrolled);
        stats.Reached("A", Stage.Enrolled);
        stats.Reached("B", Stage.Enrolled);
        stats.Reached("B", Stage.Withdrawn);
        stats.Error("Unavailable: down");
        stats.Call();

        var summary = stats.Summary(["A", "B"]);

        var total = summary.Split('\n').Single(l => l.StartsWith("total", StringComparison.Ordinal));
        Assert.Equal(["total", "3", "0", "1", "0", "0", "0", "0", "0"], total.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("1 x Unavailable: down", summary, StringComparison.Ordinal);
        Assert.Equal(1, stats.ErrorCount);
    }

    [Fact]
    public void For_Phase1WithoutList_TheFivePilotAuthorities() =>
        Assert.Equal(5, PhaseAuthorities.For("phase-1", null).Count);

    [Fact]
    public void For_Phase2WithoutList_UsageException() =>
        Assert.Throws<UsageException>(() => PhaseAuthorities.For("phase-2", null));
}
