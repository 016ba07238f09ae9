using System.Globalization;
using Spectre.Console;

namespace Accreditation.Cli.Simulation;

/// <summary>
/// A Spectre.Console progress bar of finished candidates. On a terminal it redraws in place; on a
/// plain console (redirected, CI) Spectre prints a line at milestones (25%, 50%, 75%, 95%...)
/// instead, with no escape sequences.
/// </summary>
public sealed class SimulationProgress(IAnsiConsole console, int total)
{
    private readonly Lock _gate = new();

    /// <summary>Runs <paramref name="run"/>, which reports each finished candidate through the callback it is given.</summary>
    public Task RunAsync(Func<Action<SimulationStats>, Task> run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var live = console.Profile.Capabilities is { Interactive: true, Ansi: true };
        return new Progress(console)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .AutoClear(false)
            .StartAsync(async context =>
            {
                var task = context.AddTask(Describe(0, 0), maxValue: Math.Max(total, 1));
                await run(stats =>
                {
                    lock (_gate)
                    {
                        task.Value = stats.Finished;
                        task.Description = Describe(stats.Finished, stats.ErrorCount);
                        if (!live)
                        {
                            context.Refresh();
                        }
                    }
                });
            });
    }

    private string Describe(int finished, int errors) =>
        string.Create(CultureInfo.InvariantCulture, $"{finished}/{total} candidates, {errors} errors");
}
