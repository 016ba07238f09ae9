using System.Globalization;
using Accreditation.Cli.Output;
using Spectre.Console;

namespace Accreditation.Cli.Simulation;

/// <summary>The end of a simulation: a table of candidates per authority and stage with totals, then throughput, errors and notes.</summary>
public static class SimulationSummary
{
    /// <param name="stages">The columns, in order; null for every stage.</param>
    public static Table Table(SimulationStats stats, IReadOnlyList<string> authorities, IReadOnlyList<Stage>? stages = null)
    {
        ArgumentNullException.ThrowIfNull(stats);
        ArgumentNullException.ThrowIfNull(authorities);
        stages ??= Enum.GetValues<Stage>();
        var authority = Tables.Text("authority");
        authority.Footer = new Text("total");
        var columns = new List<TableColumn> { authority };
        foreach (var stage in stages)
        {
            var column = Tables.Number(stage.ToString());
            column.Footer = new Text(authorities.Sum(a => stats.Count(a, stage)).ToString(CultureInfo.InvariantCulture));
            columns.Add(column);
        }

        var table = Tables.Create([.. columns]);
        foreach (var code in authorities)
        {
            table.Row([code, .. stages.Select(s => (object)stats.Count(code, s))]);
        }

        return table;
    }

    /// <param name="stages">The columns, in order; null for every stage.</param>
    public static void Write(IAnsiConsole console, SimulationStats stats, IReadOnlyList<string> authorities, IReadOnlyList<Stage>? stages = null)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(stats);
        console.WriteTable(Table(stats, authorities, stages));
        var seconds = Math.Max(stats.Elapsed.TotalSeconds, 0.001);
        console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{stats.Calls} calls in {seconds:F1} s: {stats.Calls / seconds:F1} calls/s; {stats.ErrorCount} errors"));
        foreach (var (what, n) in stats.Errors.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {n} x {what}"));
        }

        foreach (var (what, n) in stats.Notes.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"note: {n} x {what}"));
        }
    }
}
