namespace Accreditation.LoadGen.Report;

/// <summary>The JSON a run writes (snake_case): machine, settings, processes, per path numbers, lag.</summary>
public sealed record LoadReport(
    string Tool,
    DateTimeOffset StartedAt,
    MachineReport Machine,
    SettingsReport Settings,
    IReadOnlyDictionary<string, int> Processes,
    IReadOnlyDictionary<string, PathReport> Paths,
    LagReport? Lag);
