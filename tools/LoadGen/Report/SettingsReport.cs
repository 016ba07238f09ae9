namespace Accreditation.LoadGen.Report;

/// <summary>The client settings every path ran with.</summary>
public sealed record SettingsReport(
    int Connections,
    int Concurrency,
    double WarmupSeconds,
    double WindowSeconds,
    IReadOnlyList<string> Paths,
    IReadOnlyDictionary<string, string?> Urls,
    int SeedEnrolments,
    int CheckBatch,
    int ListPageSize);
