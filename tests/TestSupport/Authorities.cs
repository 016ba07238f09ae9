namespace Accreditation.TestSupport;

/// <summary>GSS codes the tests act for.</summary>
public static class Authorities
{
    public const string Bury = "E08000002";
    public const string Manchester = "E08000003";
    public const string Oldham = "E08000004";
    public const string Wigan = "E08000010";
    public const string Leeds = "E08000035";

    /// <summary>Not in phase 1.</summary>
    public const string Sheffield = "E08000039";

    public static IReadOnlyList<string> Phase1 { get; } = [Bury, Manchester, Oldham, Wigan, Leeds];
}
