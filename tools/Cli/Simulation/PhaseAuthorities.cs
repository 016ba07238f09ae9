namespace Accreditation.Cli.Simulation;

/// <summary>The authorities a simulation spreads its candidates over.</summary>
public static class PhaseAuthorities
{
    public const string Phase1Name = "phase-1";

    /// <summary>Phase 1: Bury, Manchester, Oldham, Wigan, Leeds.</summary>
    public static readonly IReadOnlyList<string> Phase1 = ["E08000002", "E08000003", "E08000004", "E08000010", "E08000035"];

    public static IReadOnlyList<string> For(string phase, string? authorities)
    {
        if (!string.IsNullOrWhiteSpace(authorities))
        {
            var codes = authorities.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            return codes.Length > 0 ? codes : throw new UsageException("--authorities names no GSS code");
        }

        return phase == Phase1Name
            ? Phase1
            : throw new UsageException($"--authorities (comma-separated GSS codes) is required for {phase}");
    }
}
