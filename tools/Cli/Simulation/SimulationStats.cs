using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Accreditation.Cli.Simulation;

/// <summary>Counts of a simulation run, safe to update from concurrent journeys.</summary>
public sealed class SimulationStats
{
    private readonly ConcurrentDictionary<(string Authority, Stage Stage), int> _reached = new();
    private readonly ConcurrentDictionary<string, int> _errors = new(StringComparer.Ordinal);
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private long _calls;
    private int _finished;

    public int Finished => Volatile.Read(ref _finished);

    public long Calls => Interlocked.Read(ref _calls);

    public int ErrorCount => _errors.Values.Sum();

    public IReadOnlyDictionary<string, int> Errors => _errors;

    public void Call() => Interlocked.Increment(ref _calls);

    public void Reached(string authority, Stage stage) => _reached.AddOrUpdate((authority, stage), 1, (_, n) => n + 1);

    public void Error(string what) => _errors.AddOrUpdate(what, 1, (_, n) => n + 1);

    public void JourneyDone() => Interlocked.Increment(ref _finished);

    public int Count(string authority, Stage stage) => _reached.GetValueOrDefault((authority, stage));

    public TimeSpan Elapsed => _clock.Elapsed;

    /// <summary>The summary table: per authority and stage, then throughput and errors.</summary>
    public string Summary(IReadOnlyList<string> authorities)
    {
        ArgumentNullException.ThrowIfNull(authorities);
        var stages = Enum.GetValues<Stage>();
        var text = new StringBuilder();
        var header = string.Concat(stages.Select(s => $" {s,10}"));
        text.AppendLine(CultureInfo.InvariantCulture, $"{"authority",-40}{header}");
        text.AppendLine(new string('-', 40 + (11 * stages.Length)));
        foreach (var authority in authorities)
        {
            text.Append(CultureInfo.InvariantCulture, $"{authority,-40}");
            foreach (var stage in stages)
            {
                text.Append(CultureInfo.InvariantCulture, $" {Count(authority, stage),10}");
            }

            text.AppendLine();
        }

        text.Append(CultureInfo.InvariantCulture, $"{"total",-40}");
        foreach (var stage in stages)
        {
            text.Append(CultureInfo.InvariantCulture, $" {authorities.Sum(a => Count(a, stage)),10}");
        }

        text.AppendLine();
        var seconds = Math.Max(Elapsed.TotalSeconds, 0.001);
        text.AppendLine(CultureInfo.InvariantCulture, $"{Calls} calls in {seconds:F1} s: {Calls / seconds:F1} calls/s; {ErrorCount} errors");
        foreach (var (what, n) in _errors.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {n} x {what}");
        }

        return text.ToString();
    }
}
