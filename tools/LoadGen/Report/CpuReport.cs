namespace Accreditation.LoadGen.Report;

/// <summary>CPU one process used in a window: seconds, cores (seconds per second of window) and microseconds per request; null when unreadable.</summary>
public sealed record CpuReport(double? Seconds, double? Cores, double? UsPerRequest);
