namespace Accreditation.LoadGen.Report;

/// <summary>One path's numbers over its window. Errors are counted apart and never as requests.</summary>
public sealed record PathReport(
    long Requests,
    long Errors,
    IReadOnlyDictionary<string, long> ErrorsByStatus,
    IReadOnlyDictionary<string, string> FirstErrors,
    double WindowSeconds,
    double Rps,
    string Unit,
    long Units,
    double UnitsPerSecond,
    double P50Ms,
    double P99Ms,
    double MeanMs,
    double MaxMs,
    double? RatioToEcho,
    IReadOnlyDictionary<string, CpuReport> Cpu);
