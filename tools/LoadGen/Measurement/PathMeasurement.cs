namespace Accreditation.LoadGen.Measurement;

/// <summary>What one path's window measured: calls completed in the window (successes in the histogram, errors apart), and the CPU each process used in it.</summary>
public sealed record PathMeasurement(
    string Name,
    WorkerTally Tally,
    double WindowSeconds,
    IReadOnlyDictionary<string, double?> CpuSeconds)
{
    public long Requests => Tally.Latency.Count;

    public double RequestsPerSecond => WindowSeconds > 0 ? Requests / WindowSeconds : 0;

    public double UnitsPerSecond => WindowSeconds > 0 ? Tally.Units / WindowSeconds : 0;
}
