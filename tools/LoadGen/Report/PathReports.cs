using Accreditation.LoadGen.Measurement;

namespace Accreditation.LoadGen.Report;

/// <summary>Turns a path's measurement into its report, with the ratio to the echo baseline of the same run.</summary>
public static class PathReports
{
    public static PathReport From(PathMeasurement measurement, string unit, double? echoRps)
    {
        ArgumentNullException.ThrowIfNull(measurement);
        var latency = measurement.Tally.Latency;
        var cpu = measurement.CpuSeconds.ToDictionary(
            p => p.Key,
            p => new CpuReport(
                Round(p.Value),
                p.Value is { } s && measurement.WindowSeconds > 0 ? Round(s / measurement.WindowSeconds) : null,
                p.Value is { } t && measurement.Requests > 0 ? Round(t * 1_000_000 / measurement.Requests) : null),
            StringComparer.Ordinal);
        return new PathReport(
            measurement.Requests,
            measurement.Tally.Errors,
            measurement.Tally.ErrorsByKind,
            measurement.Tally.FirstErrors,
            Round(measurement.WindowSeconds, 3),
            Round(measurement.RequestsPerSecond, 1),
            unit,
            measurement.Tally.Units,
            Round(measurement.UnitsPerSecond, 1),
            Milliseconds(latency.Percentile(50)),
            Milliseconds(latency.Percentile(99)),
            Round(latency.Mean / 1000, 3),
            Milliseconds(latency.Max),
            echoRps is > 0 ? Round(measurement.RequestsPerSecond / echoRps.Value, 4) : null,
            cpu);
    }

    private static double Milliseconds(long microseconds) => Math.Round(microseconds / 1000.0, 3);

    private static double Round(double value, int digits = 3) => Math.Round(value, digits);

    private static double? Round(double? value) => value is { } v ? Math.Round(v, 3) : null;
}
