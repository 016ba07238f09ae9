namespace Accreditation.BuildingBlocks.Auth;

/// <summary>
/// Normalises a local authority's GSS code as callers and old data spell it: trimmed, upper case,
/// and a code ONS replaced one-for-one mapped to its successor (the same authority, or the one it
/// merged into). Codes of counties that split (Northamptonshire, Cumbria) have no single successor
/// and stay as they are, so lookups refuse them.
/// </summary>
public static class AuthorityCodes
{
    private static readonly Dictionary<string, string> Successors = new(StringComparer.Ordinal)
    {
        ["E08000016"] = "E08000038", // Barnsley, boundary change 2025
        ["E08000019"] = "E08000039", // Sheffield, boundary change 2025
        ["E08000020"] = "E08000037", // Gateshead, recoded 2013
        ["E06000048"] = "E06000057", // Northumberland, recoded 2013
        ["E06000028"] = "E06000058", // Bournemouth -> Bournemouth, Christchurch and Poole, 2019
        ["E06000029"] = "E06000058", // Poole -> Bournemouth, Christchurch and Poole, 2019
        ["E10000009"] = "E06000059", // Dorset county -> Dorset unitary, 2019
        ["E10000002"] = "E06000060", // Buckinghamshire county -> unitary, 2020
        ["E10000023"] = "E06000065", // North Yorkshire county -> unitary, 2023
        ["E10000027"] = "E06000066", // Somerset county -> unitary, 2023
    };

    /// <summary>The code in its normal form; empty for null or blank input.</summary>
    public static string Normalise(string? code)
    {
        var normal = (code ?? "").Trim().ToUpperInvariant();
        return Successors.GetValueOrDefault(normal, normal);
    }
}
