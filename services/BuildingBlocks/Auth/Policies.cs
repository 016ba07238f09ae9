namespace Accreditation.BuildingBlocks.Auth;

/// <summary>Authorization policy names.</summary>
public static class Policies
{
    /// <summary>Scope enrolment.hr and exactly one local_authority claim.</summary>
    public const string CouncilHr = "council-hr";

    /// <summary>Scope testing.bank-admin.</summary>
    public const string BankAdmin = "bank-admin";

    /// <summary>Scope testing.delivery.</summary>
    public const string TestDelivery = "test-delivery";
}
