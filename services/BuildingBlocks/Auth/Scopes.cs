namespace Accreditation.BuildingBlocks.Auth;

/// <summary>Scopes a caller's token can carry.</summary>
public static class Scopes
{
    /// <summary>A council HR system: enrol, endorse, withdraw and list its own authority's staff.</summary>
    public const string EnrolmentHr = "enrolment.hr";

    /// <summary>Question bank administration (import, retire, read items with keys).</summary>
    public const string BankAdmin = "testing.bank-admin";

    /// <summary>A test delivery platform or centre: book and run knowledge-test sittings.</summary>
    public const string TestDelivery = "testing.delivery";

    /// <summary>Observation: scenarios, and the assessor and actor registry.</summary>
    public const string ObservationScenarioAdmin = "observation.scenario-admin";

    /// <summary>Observation: the assessment centre's booking system (schedules, reads the sessions it scheduled and their outcomes).</summary>
    public const string ObservationScheduling = "observation.scheduling";

    /// <summary>Observation: an assessor (the token's subject is the assessor id); only the sessions assigned to them.</summary>
    public const string ObservationAssessor = "observation.assessor";

    /// <summary>Observation: a moderator (second-assessor assignment, final decisions).</summary>
    public const string ObservationModerator = "observation.moderator";

    /// <summary>Observation: reads the score audit trail.</summary>
    public const string ObservationAuditor = "observation.auditor";

    /// <summary>The regulator (Social Work England): status, register, change feed and export; status and dates only.</summary>
    public const string Regulator = "regulator";

    /// <summary>The Department's evaluation team: aggregate figures only, with disclosure control; never a single candidate.</summary>
    public const string Evaluation = "evaluation";

    /// <summary>The platform's operators: list and requeue parked outbox entries of every service.</summary>
    public const string Operations = "operations";

    public static readonly IReadOnlyList<string> All =
        [EnrolmentHr, BankAdmin, TestDelivery, ObservationScenarioAdmin, ObservationScheduling, ObservationAssessor, ObservationModerator, ObservationAuditor, Regulator, Evaluation, Operations];
}
