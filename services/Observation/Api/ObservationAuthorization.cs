using Accreditation.BuildingBlocks.Auth;
using Microsoft.AspNetCore.Authorization;

namespace Accreditation.Observation.Api;

public static class ObservationAuthorization
{
    /// <summary>
    /// One policy per scope. Callers whose actions are bound to them (by command keys, sessions
    /// they scheduled, sessions assigned to them, decisions recorded under their name) must carry a
    /// `sub`; a token without one is refused at the edge (PERMISSION_DENIED).
    /// </summary>
    public static IServiceCollection AddObservationAuthorization(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            .AddPolicy(ObservationPolicies.ScenarioAdmin, p => Scope(p, ObservationScopes.ScenarioAdmin, needsSubject: true))
            .AddPolicy(ObservationPolicies.Scheduling, p => Scope(p, ObservationScopes.Scheduling, needsSubject: true))
            .AddPolicy(ObservationPolicies.Assessor, p => Scope(p, ObservationScopes.Assessor, needsSubject: true))
            .AddPolicy(ObservationPolicies.Moderator, p => Scope(p, ObservationScopes.Moderator, needsSubject: true))
            .AddPolicy(ObservationPolicies.Auditor, p => Scope(p, ObservationScopes.Auditor, needsSubject: false));
        return services;
    }

    private static void Scope(AuthorizationPolicyBuilder policy, string scope, bool needsSubject) =>
        policy.RequireAuthenticatedUser().RequireAssertion(ctx =>
        {
            var caller = Caller.From(ctx.User);
            return caller.Scopes.Contains(scope) && (!needsSubject || !string.IsNullOrWhiteSpace(caller.Subject));
        });
}
