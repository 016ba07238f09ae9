using Accreditation.Cli.Simulation;

namespace Accreditation.LoadGen.Data;

/// <summary>The authorities the run enrols into: phase 1's, as accredit simulate uses them.</summary>
public static class PhaseOne
{
    public static IReadOnlyList<string> Authorities => PhaseAuthorities.Phase1;

    public static string AuthorityOf(int worker) => Authorities[worker % Authorities.Count];
}
