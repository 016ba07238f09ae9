namespace Accreditation.BuildingBlocks.Auth;

/// <summary>Authorization policy names. Every policy also requires a subject (see <see cref="AuthServiceCollectionExtensions.AddScopePolicy"/>).</summary>
public static class Policies
{
    /// <summary>Scope enrolment.hr and exactly one local_authority claim.</summary>
    public const string CouncilHr = "council-hr";

    /// <summary>Scope testing.bank-admin.</summary>
    public const string BankAdmin = "bank-admin";

    /// <summary>Scope testing.delivery.</summary>
    public const string TestDelivery = "test-delivery";

    /// <summary>Scope operations: the platform's operators (outbox parked entries).</summary>
    public const string Operations = "operations";
}
