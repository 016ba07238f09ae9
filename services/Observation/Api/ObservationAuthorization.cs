using Accreditation.BuildingBlocks.Auth;

namespace Accreditation.Observation.Api;

public static class ObservationAuthorization
{
    /// <summary>
    /// One policy per scope, each also requiring a `sub`: command keys are per caller, sessions are
    /// bound to the booking system that scheduled them and to the assessors assigned to them, and
    /// decisions are recorded under their author. A token without a subject is refused at the edge.
    /// </summary>
    public static IServiceCollection AddObservationAuthorization(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            .AddScopePolicy(ObservationPolicies.ScenarioAdmin, ObservationScopes.ScenarioAdmin)
            .AddScopePolicy(ObservationPolicies.Scheduling, ObservationScopes.Scheduling)
            .AddScopePolicy(ObservationPolicies.Assessor, ObservationScopes.Assessor)
            .AddScopePolicy(ObservationPolicies.Moderator, ObservationScopes.Moderator)
            .AddScopePolicy(ObservationPolicies.Auditor, ObservationScopes.Auditor);
        return services;
    }
}
