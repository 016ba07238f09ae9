namespace Accreditation.Cli.Simulation;

/// <summary>What to simulate.</summary>
public sealed record SimulationOptions(
    string Phase,
    IReadOnlyList<string> Authorities,
    int Candidates,
    int Concurrency,
    int Seed,
    double WithdrawalShare)
{
    /// <summary>Whether candidates sit the knowledge test (needs the Testing service).</summary>
    public bool KnowledgeTest { get; init; } = true;

    /// <summary>Sittings a candidate makes at most (first attempt and resits).</summary>
    public int MaxSittings { get; init; } = 3;

    /// <summary>How long to keep asking when the platform says "not yet" (eligibility not yet known, resit cool-off).</summary>
    public TimeSpan Patience { get; init; } = TimeSpan.FromSeconds(60);
}
