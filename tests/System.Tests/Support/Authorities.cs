namespace Accreditation.System.Tests.Support;

/// <summary>GSS codes of phase-1 authorities the tests act for.</summary>
public static class Authorities
{
    public const string Bury = "E08000002";
    public const string Leeds = "E08000035";
    public const string Wigan = "E08000010";

    public static IReadOnlyList<string> Phase1 { get; } = [Bury, "E08000003", "E08000004", Wigan, Leeds];
}
