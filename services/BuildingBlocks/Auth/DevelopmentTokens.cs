using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Accreditation.BuildingBlocks.Auth;

/// <summary>Mints tokens signed with the development key, for the CLI, local runs and tests.</summary>
public static class DevelopmentTokens
{
    public static string Mint(AuthOptions options, string subject, IEnumerable<string> scopes, string? localAuthority, TimeSpan lifetime)
    {
        ArgumentNullException.ThrowIfNull(options);
        var claims = new List<Claim> { new(ClaimNames.Scope, string.Join(' ', scopes)) };
        if (!string.IsNullOrEmpty(subject))
        {
            claims.Add(new Claim(ClaimNames.Subject, subject));
        }

        if (!string.IsNullOrEmpty(localAuthority))
        {
            claims.Add(new Claim(ClaimNames.LocalAuthority, localAuthority));
        }

        var now = DateTime.UtcNow;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = options.Issuer,
            Audience = options.Audience,
            Subject = new ClaimsIdentity(claims),
            NotBefore = now.AddMinutes(-1),
            IssuedAt = now,
            Expires = now + lifetime,
            SigningCredentials = new SigningCredentials(SigningKeyOf(options), SecurityAlgorithms.HmacSha256),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }

    public static SymmetricSecurityKey SigningKeyOf(AuthOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrEmpty(options.SigningKey) || options.SigningKey.Length < 32)
        {
            throw new InvalidOperationException("Auth:SigningKey must be set to at least 32 characters when Auth:Authority is not set");
        }

        return new SymmetricSecurityKey(Encoding.UTF8.GetBytes(options.SigningKey));
    }
}
