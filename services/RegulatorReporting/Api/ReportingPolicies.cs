namespace Accreditation.RegulatorReporting.Api;

/// <summary>Authorization policy names; every policy also needs a `sub`.</summary>
public static class ReportingPolicies
{
    public const string Regulator = "reporting-regulator";

    public const string Evaluation = "reporting-evaluation";
}
