using System.Globalization;
using Spectre.Console;

namespace Accreditation.LoadGen.Report;

/// <summary>The table a run prints: per path req/s, p50, p99, errors, the ratio to echo and each process's CPU (cores used).</summary>
public static class ReportTable
{
    public static Table Build(LoadReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumn("path");
        table.AddColumn(new TableColumn("req/s").RightAligned());
        table.AddColumn(new TableColumn("units/s").RightAligned());
        table.AddColumn(new TableColumn("p50 ms").RightAligned());
        table.AddColumn(new TableColumn("p99 ms").RightAligned());
        table.AddColumn(new TableColumn("errors").RightAligned());
        table.AddColumn(new TableColumn("x echo").RightAligned());
        var processes = report.Paths.Values.SelectMany(p => p.Cpu.Keys).Distinct(StringComparer.Ordinal).ToList();
        foreach (var process in processes)
        {
            table.AddColumn(new TableColumn(Markup.Escape(process)).RightAligned());
        }

        foreach (var (name, path) in report.Paths)
        {
            string[] cells =
            [
                Markup.Escape(name),
                F(path.Rps, "0.0"),
                path.Unit == "requests" ? "" : Markup.Escape($"{F(path.UnitsPerSecond, "0.0")} {path.Unit}"),
                F(path.P50Ms, "0.000"),
                F(path.P99Ms, "0.000"),
                path.Errors == 0 ? "0" : $"[red]{path.Errors}[/]",
                path.RatioToEcho is { } r ? r.ToString("P1", CultureInfo.InvariantCulture) : "-",
                .. processes.Select(p => path.Cpu.TryGetValue(p, out var cpu) ? Cores(cpu) : ""),
            ];
            table.AddRow(cells);
        }

        if (processes.Count > 0)
        {
            table.Caption("per process: CPU cores used over the window (us of CPU per request)");
        }

        return table;
    }

    public static void Write(IAnsiConsole console, LoadReport report)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(report);
        console.Write(Build(report));
        foreach (var (name, path) in report.Paths.Where(p => p.Value.Errors > 0))
        {
            foreach (var (kind, message) in path.FirstErrors)
            {
                console.MarkupLine($"[red]{Markup.Escape(name)}: {path.ErrorsByStatus.GetValueOrDefault(kind)} x {Markup.Escape(kind)}[/] (first: {Markup.Escape(message)})");
            }
        }

        if (report.Lag is { } lag)
        {
            console.MarkupLine(Markup.Escape(string.Create(
                CultureInfo.InvariantCulture,
                $"lag (last passing component -> regulator's feed): p50 {lag.P50Ms:0.0} ms, p99 {lag.P99Ms:0.0} ms, max {lag.MaxMs:0.0} ms; {lag.Seen} of {lag.Passed} passed candidates seen ({lag.Candidates} started, {lag.JourneyErrors} journey errors, {lag.Missing} missing) under {lag.BackgroundEnrolRate:0.0} enrols/s ({lag.BackgroundErrors} errors)")));
            foreach (var (kind, message) in lag.FirstErrors)
            {
                console.MarkupLine($"[red]lag: {Markup.Escape(kind)}[/]: {Markup.Escape(message)}");
            }
        }
    }

    private static string F(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);

    private static string Cores(CpuReport cpu) => cpu.Cores is { } c
        ? string.Create(CultureInfo.InvariantCulture, $"{c:0.00}") + (cpu.UsPerRequest is { } us ? string.Create(CultureInfo.InvariantCulture, $" ({us:0})") : "")
        : "?";
}
