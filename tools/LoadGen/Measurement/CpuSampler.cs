using System.Diagnostics;

namespace Accreditation.LoadGen.Measurement;

/// <summary>
/// CPU seconds of named processes (--pids name=pid, plus this process as "loadgen" and a started echo
/// server as "echo"), sampled at the start and the end of a window.
/// </summary>
public sealed class CpuSampler(IReadOnlyDictionary<string, int> processes)
{
    public const string Self = "loadgen";

    public IReadOnlyDictionary<string, int> Processes { get; } = processes;

    public IReadOnlyDictionary<string, double?> Sample()
    {
        var sample = new Dictionary<string, double?>(StringComparer.Ordinal);
        foreach (var (name, pid) in Processes)
        {
            sample[name] = pid == Environment.ProcessId
                ? ProcStat.CpuSecondsOf(pid) ?? Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds
                : ProcStat.CpuSecondsOf(pid);
        }

        return sample;
    }

    /// <summary>Seconds each process used between two samples (null where either was unreadable).</summary>
    public static IReadOnlyDictionary<string, double?> Between(IReadOnlyDictionary<string, double?> before, IReadOnlyDictionary<string, double?> after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var used = new Dictionary<string, double?>(StringComparer.Ordinal);
        foreach (var (name, end) in after)
        {
            used[name] = end is { } e && before.TryGetValue(name, out var start) && start is { } s ? Math.Max(0, e - s) : null;
        }

        return used;
    }
}
