using Accreditation.BuildingBlocks.Auth;

namespace Accreditation.Cli;

/// <summary>
/// The `sub` of the development tokens accredit mints, one stable subject per caller kind: the
/// services bind what a caller creates to its subject (a delivery provider's sittings, a booking
/// system's sessions) and keep client request ids per subject, so running a verb again, or
/// another verb of the same kind, sees what the earlier run created. An assessor's subject is the
/// assessor id, given on the command line.
/// </summary>
public static class Subjects
{
    public const string CouncilHr = "accredit-hr";
    public const string Delivery = "accredit-delivery";
    public const string BankAdmin = "accredit-bank-admin";
    public const string ScenarioAdmin = "accredit-scenario-admin";
    public const string Scheduling = "accredit-scheduling";
    public const string Moderator = "accredit-moderator";
    public const string Auditor = "accredit-auditor";
    public const string Operations = "accredit-operations";
    public const string Regulator = "accredit-regulator";
    public const string Evaluation = "accredit-evaluation";

    /// <summary>The subject for a scope; "accredit" for a scope accredit does not know (and for observation.assessor, whose subject is the assessor).</summary>
    public static string For(string scope) => scope switch
    {
        Scopes.EnrolmentHr => CouncilHr,
        Scopes.TestDelivery => Delivery,
        Scopes.BankAdmin => BankAdmin,
        Scopes.Operations => Operations,
        Scopes.ObservationScenarioAdmin => ScenarioAdmin,
        Scopes.ObservationScheduling => Scheduling,
        Scopes.ObservationModerator => Moderator,
        Scopes.ObservationAuditor => Auditor,
        Scopes.Regulator => Regulator,
        Scopes.Evaluation => Evaluation,
        _ => "accredit",
    };
}
