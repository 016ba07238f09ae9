using Microsoft.Extensions.Hosting;

namespace Accreditation.BuildingBlocks.Telemetry;

/// <summary>Creates the <see cref="RedisCommandTracing"/> singleton at start, so commands are traced from the first request.</summary>
public sealed class RedisTracingActivation(RedisCommandTracing tracing) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        GC.KeepAlive(tracing);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
