using Accreditation.Cli.Output;
using Accreditation.Cli.Simulation;

namespace Accreditation.Cli.Tests.Simulation;

public sealed class SimulationProgressTests
{
    [Fact]
    public async Task RunAsync_PlainConsole_MilestoneLinesWithoutEscapesOrRedraws()
    {
        using var error = new StringWriter();
        var stats = new SimulationStats();

        await new SimulationProgress(CliConsole.Create(error, terminal: false), 40).RunAsync(report =>
        {
            for (var i = 0; i < 40; i++)
            {
                stats.JourneyDone();
                if (i % 4 == 0)
                {
                    stats.Error("Unavailable: down");
                }

                report(stats);
            }

            return Task.CompletedTask;
        });

        var text = error.ToString();
        Assert.DoesNotContain('\u001b', text);
        Assert.DoesNotContain('\r', text);
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.InRange(lines.Length, 2, 12);
        Assert.All(lines, l => Assert.Matches(@"^\d+/40 candidates, \d+ errors: \d+%$", l));
        Assert.Contains(lines, l => l.StartsWith("10/40 candidates", StringComparison.Ordinal) || l.StartsWith("11/40 candidates", StringComparison.Ordinal));
    }
}
