using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;

namespace Accreditation.BuildingBlocks.Auth;

public static class AuthServiceCollectionExtensions
{
    /// <summary>JWT bearer authentication (OIDC authority in production, development key otherwise) and the platform's policies.</summary>
    public static IServiceCollection AddPlatformAuth(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(AuthOptions.SectionName).Get<AuthOptions>() ?? new AuthOptions();
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(jwt =>
            {
                jwt.MapInboundClaims = false;
                jwt.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = options.Issuer,
                    ValidAudience = options.Audience,
                    ValidateIssuer = true,
                    ValidateAudience = true,
                    ValidateLifetime = true,
                    ClockSkew = TimeSpan.FromMinutes(1),
                    NameClaimType = ClaimNames.Subject,
                };
                if (!string.IsNullOrEmpty(options.Authority))
                {
                    jwt.Authority = options.Authority;
                }
                else
                {
                    jwt.TokenValidationParameters.IssuerSigningKey = DevelopmentTokens.SigningKeyOf(options);
                }
            });
        services.AddAuthorizationBuilder()
            .AddScopePolicy(Policies.CouncilHr, Scopes.EnrolmentHr, requireLocalAuthority: true)
            .AddScopePolicy(Policies.BankAdmin, Scopes.BankAdmin)
            .AddScopePolicy(Policies.TestDelivery, Scopes.TestDelivery)
            .AddScopePolicy(Policies.Operations, Scopes.Operations);
        return services;
    }

    /// <summary>
    /// A policy for one caller kind: an authenticated token with <paramref name="scope"/> and a
    /// subject (every caller has its own key space for client request ids, and resources are bound
    /// to the subject that created them), and for council HR systems exactly one local authority.
    /// </summary>
    public static AuthorizationBuilder AddScopePolicy(this AuthorizationBuilder builder, string name, string scope, bool requireLocalAuthority = false)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddPolicy(name, policy => policy
            .RequireAuthenticatedUser()
            .RequireAssertion(ctx =>
            {
                var caller = Caller.From(ctx.User);
                return caller.Scopes.Contains(scope) && caller.HasSubject && (!requireLocalAuthority || caller.LocalAuthority is not null);
            }));
    }
}
