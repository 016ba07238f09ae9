using Accreditation.LoadGen.Measurement;
using Accreditation.LoadGen.Paths;

namespace Accreditation.LoadGen.Run;

/// <summary>What the run command was asked for.</summary>
public sealed record RunSettings(
    Targets Targets,
    bool StartEcho,
    LoadShape Shape,
    IReadOnlyList<string> Paths,
    string? JsonPath,
    string SigningKey,
    IReadOnlyDictionary<string, int> Pids)
{
    public int SeedEnrolments { get; init; } = 300;

    public int CheckBatch { get; init; } = 100;

    public int ListPageSize { get; init; } = 50;

    /// <summary>Candidates per second driven to accreditation while lag is measured.</summary>
    public double LagCandidateRate { get; init; } = 2;

    /// <summary>The steady enrol load under which lag is measured; null for half the enrol rate this run measured.</summary>
    public double? LagLoadRate { get; init; }

    /// <summary>How long lag waits, after the last candidate started, for journeys to finish and the feed to show them.</summary>
    public TimeSpan LagPatience { get; init; } = TimeSpan.FromSeconds(120);
}
