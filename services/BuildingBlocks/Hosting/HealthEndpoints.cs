using Grpc.AspNetCore.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection;

namespace Accreditation.BuildingBlocks.Hosting;

/// <summary>
/// Health as Kubernetes uses it, as gRPC health service names: <see cref="Liveness"/> answers
/// SERVING while the process can serve at all (no dependency is checked, so a Redis outage never
/// restarts every replica); <see cref="Readiness"/> (and the unnamed service) also needs the store.
/// The sidecar's app port has the readiness view at <see cref="HttpPath"/>.
/// </summary>
public static class HealthEndpoints
{
    public const string Liveness = "liveness";
    public const string Readiness = "readiness";
    public const string HttpPath = "/healthz";

    /// <summary>Tag of checks that liveness runs: only "process", which answers while the process can answer at all.</summary>
    public const string LiveTag = "live";

    public static IServiceCollection AddPlatformHealth(this IServiceCollection services)
    {
        // A service mapped to no check would report UNKNOWN: liveness has this one.
        services.AddHealthChecks().AddCheck("process", () => HealthCheckResult.Healthy(), [LiveTag]);
        services.AddGrpcHealthChecks(options =>
        {
            options.Services.Map(Liveness, result => result.Tags.Contains(LiveTag));
            options.Services.Map(Readiness, _ => true);
            options.Services.Map("", _ => true);
        });
        return services;
    }
}
