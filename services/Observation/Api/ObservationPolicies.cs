namespace Accreditation.Observation.Api;

/// <summary>Authorization policy names, one per scope; every policy also needs a `sub`.</summary>
public static class ObservationPolicies
{
    public const string ScenarioAdmin = "observation-scenario-admin";
    public const string Scheduling = "observation-scheduling";
    public const string Assessor = "observation-assessor";
    public const string Moderator = "observation-moderator";
    public const string Auditor = "observation-auditor";
}
