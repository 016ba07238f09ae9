using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Accreditation.BuildingBlocks.Outbox;

public static class OutboxServiceCollectionExtensions
{
    /// <summary>Registers the outbox writer, its store, the Dapr transport and the background dispatcher.</summary>
    public static IServiceCollection AddOutbox(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<OutboxOptions>(configuration.GetSection(OutboxOptions.SectionName));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<OutboxSignal>();
        services.AddMetrics();
        services.TryAddSingleton<OutboxMetrics>();
        services.TryAddSingleton<OutboxWriter>();
        services.TryAddSingleton<OutboxStore>();
        services.TryAddSingleton<IEventTransport, DaprEventTransport>();
        services.TryAddSingleton<OutboxDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());
        return services;
    }
}
