namespace Accreditation.Observation.Api;

/// <summary>Scopes of Observation's callers. A council HR token (enrolment.hr) carries none of them and reaches nothing here.</summary>
public static class ObservationScopes
{
    /// <summary>Scenarios, and the assessor and actor registry.</summary>
    public const string ScenarioAdmin = "observation.scenario-admin";

    /// <summary>The assessment centre's booking system: schedule, reschedule, cancel and read the sessions it scheduled, and their outcomes.</summary>
    public const string Scheduling = "observation.scheduling";

    /// <summary>An assessor (the token's `sub` is the assessor id): only the sessions assigned to them.</summary>
    public const string Assessor = "observation.assessor";

    /// <summary>A moderator: second-assessor assignment and final decisions.</summary>
    public const string Moderator = "observation.moderator";

    /// <summary>Reads the score audit trail.</summary>
    public const string Auditor = "observation.auditor";

    public static readonly IReadOnlyList<string> All = [ScenarioAdmin, Scheduling, Assessor, Moderator, Auditor];
}
