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
            .AddScopePolicy(ObservationPolicies.ScenarioAdmin, Scopes.ObservationScenarioAdmin)
            .AddScopePolicy(ObservationPolicies.Scheduling, Scopes.ObservationScheduling)
            .AddScopePolicy(ObservationPolicies.Assessor, Scopes.ObservationAssessor)
            .AddScopePolicy(ObservationPolicies.Moderator, Scopes.ObservationModerator)
            .AddScopePolicy(ObservationPolicies.Auditor, Scopes.ObservationAuditor);
        return services;
    }
}
