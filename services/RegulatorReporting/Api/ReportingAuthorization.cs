using Accreditation.BuildingBlocks.Auth;

namespace Accreditation.RegulatorReporting.Api;

public static class ReportingAuthorization
{
    /// <summary>The regulator's policy: scope <see cref="ReportingScopes.Regulator"/> and a subject, on gRPC, HTTP/JSON and CSV alike.</summary>
    public static IServiceCollection AddReportingAuthorization(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder().AddScopePolicy(ReportingPolicies.Regulator, ReportingScopes.Regulator);
        return services;
    }
}
