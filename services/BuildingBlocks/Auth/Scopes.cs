namespace Accreditation.BuildingBlocks.Auth;

/// <summary>Scopes a caller's token can carry.</summary>
public static class Scopes
{
    /// <summary>A council HR system: enrol, endorse, withdraw and list its own authority's staff.</summary>
    public const string EnrolmentHr = "enrolment.hr";

    public static readonly IReadOnlyList<string> All = [EnrolmentHr];
}
