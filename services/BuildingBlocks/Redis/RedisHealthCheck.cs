using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace Accreditation.BuildingBlocks.Redis;

/// <summary>Healthy while the service's store answers PING.</summary>
public sealed class RedisHealthCheck(RedisStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var latency = await store.Database.PingAsync();
            return HealthCheckResult.Healthy($"ping {latency.TotalMilliseconds:F1} ms");
        }
        catch (RedisException e)
        {
            return HealthCheckResult.Unhealthy("redis does not answer", e);
        }
    }
}
