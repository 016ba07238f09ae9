namespace Accreditation.Cli.Simulation;

/// <summary>What to simulate.</summary>
public sealed record SimulationOptions(string Phase, IReadOnlyList<string> Authorities, int Candidates, int Concurrency, int Seed, double WithdrawalShare);
