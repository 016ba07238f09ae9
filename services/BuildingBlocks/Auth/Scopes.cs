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

    /// <summary>The platform's operators: list and requeue parked outbox entries of every service.</summary>
    public const string Operations = "operations";

    public static readonly IReadOnlyList<string> All = [EnrolmentHr, BankAdmin, TestDelivery, Operations];
}
