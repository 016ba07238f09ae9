namespace Accreditation.BuildingBlocks.Auth;

/// <summary>Claims the platform reads from bearer tokens.</summary>
public static class ClaimNames
{
    /// <summary>Space-separated scopes (RFC 8693 / OAuth 2.0 "scope").</summary>
    public const string Scope = "scope";

    /// <summary>GSS code of the one local authority a council HR system acts for.</summary>
    public const string LocalAuthority = "local_authority";

    public const string Subject = "sub";
}
