namespace Accreditation.Cli;

/// <summary>Scopes of the Observation service's callers (the service's own list: services/Observation/Api/ObservationScopes.cs).</summary>
public static class PracticeScopes
{
    /// <summary>Scenarios, and the assessor and actor registry.</summary>
    public const string ScenarioAdmin = "observation.scenario-admin";

    /// <summary>The assessment centre's booking system: its own sessions and their outcomes.</summary>
    public const string Scheduling = "observation.scheduling";

    /// <summary>An assessor; the token's `sub` is the assessor id.</summary>
    public const string Assessor = "observation.assessor";

    /// <summary>Second-assessor assignment and moderation decisions.</summary>
    public const string Moderator = "observation.moderator";

    /// <summary>Reads the score audit trail.</summary>
    public const string Auditor = "observation.auditor";
}
