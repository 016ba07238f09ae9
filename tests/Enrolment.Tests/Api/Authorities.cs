namespace Accreditation.Enrolment.Tests.Api;

/// <summary>GSS codes used by the tests.</summary>
internal static class Authorities
{
    public const string Bury = "E08000002";
    public const string Manchester = "E08000003";
    public const string Oldham = "E08000004";
    public const string Wigan = "E08000010";
    public const string Leeds = "E08000035";

    /// <summary>Not in phase 1.</summary>
    public const string Sheffield = "E08000039";
}
