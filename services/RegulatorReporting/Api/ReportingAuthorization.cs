using Accreditation.BuildingBlocks.Auth;
using Accreditation.RegulatorReporting.Domain;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;

namespace Accreditation.RegulatorReporting.Api;

public static class ReportingAuthorization
{
    /// <summary>
    /// The regulator's policy (scope <see cref="ReportingScopes.Regulator"/> and a subject) and the
    /// evaluation's (scope <see cref="ReportingScopes.Evaluation"/> and a subject), on gRPC,
    /// HTTP/JSON, CSV and the page alike. Neither scope reaches the other's data. With
    /// Reporting:Evaluation:AcceptTokenInQuery, the evaluation page also reads the token from
    /// ?access_token= (local use only).
    /// </summary>
    public static IServiceCollection AddReportingAuthorization(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            .AddScopePolicy(ReportingPolicies.Regulator, ReportingScopes.Regulator)
            .AddScopePolicy(ReportingPolicies.Evaluation, ReportingScopes.Evaluation);
        services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, jwt =>
        {
            jwt.Events ??= new JwtBearerEvents();
            var previous = jwt.Events.OnMessageReceived;
            jwt.Events.OnMessageReceived = async context =>
            {
                await previous(context);
                if (context.Token is null
                    && context.Request.Path.Equals(EvaluationPage.Path, StringComparison.Ordinal)
                    && context.Request.Query["access_token"] is [{ Length: > 0 } token]
                    && context.HttpContext.RequestServices.GetRequiredService<IOptions<ReportingOptions>>().Value.Evaluation.AcceptTokenInQuery)
                {
                    context.Token = token;
                }
            };
        });
        return services;
    }
}
