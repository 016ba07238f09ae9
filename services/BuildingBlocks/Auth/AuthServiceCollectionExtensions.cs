using Microsoft.AspNetCore.Authentication.JwtBearer;
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
            .AddPolicy(Policies.CouncilHr, policy => policy
                .RequireAuthenticatedUser()
                .RequireAssertion(ctx =>
                {
                    var caller = Caller.From(ctx.User);
                    return caller.Scopes.Contains(Scopes.EnrolmentHr) && caller.LocalAuthority is not null;
                }))
            .AddPolicy(Policies.BankAdmin, policy => policy.RequireAuthenticatedUser().RequireAssertion(ctx => HasScope(ctx.User, Scopes.BankAdmin)))
            .AddPolicy(Policies.TestDelivery, policy => policy.RequireAuthenticatedUser().RequireAssertion(ctx => HasScope(ctx.User, Scopes.TestDelivery)));
        return services;
    }

    private static bool HasScope(System.Security.Claims.ClaimsPrincipal user, string scope) => Caller.From(user).Scopes.Contains(scope);
}
