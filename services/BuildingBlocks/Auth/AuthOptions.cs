namespace Accreditation.BuildingBlocks.Auth;

/// <summary>
/// Bearer token validation. Section "Auth". In production set <see cref="Authority"/> (an OIDC
/// issuer whose keys are discovered); in development a symmetric <see cref="SigningKey"/> from
/// configuration signs and validates tokens (the accredit CLI mints them).
/// </summary>
public sealed class AuthOptions
{
    public const string SectionName = "Auth";

    public string? Authority { get; set; }

    public string Issuer { get; set; } = "accreditation-dev";

    public string Audience { get; set; } = "accreditation";

    /// <summary>Development signing key, at least 32 characters. Never used when Authority is set.</summary>
    public string? SigningKey { get; set; }
}
