using Accreditation.Sidecar.Api;
using Accreditation.Sidecar.Components;
using Accreditation.Sidecar.Configuration;
using Accreditation.Sidecar.Delivery;

namespace Accreditation.Sidecar.Hosting;

/// <summary>Registration of the stand-in's parts.</summary>
public static class SidecarServiceCollectionExtensions
{
    /// <summary>Options, resolved components and their Redis connections, readiness state.</summary>
    public static IServiceCollection AddSidecarCore(this IServiceCollection services, SidecarOptions options, IReadOnlyList<PubSubComponent> components)
    {
        services.AddSingleton(options);
        services.AddSingleton(components);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<SidecarState>();
        services.AddSingleton(sp => new PubSubRegistry(sp.GetRequiredService<IReadOnlyList<PubSubComponent>>()));
        return services;
    }

    /// <summary>The gRPC and HTTP APIs (publish, health), with the API token check.</summary>
    public static IServiceCollection AddSidecarApi(this IServiceCollection services)
    {
        services.AddSingleton<Publisher>();
        services.AddSingleton<ApiTokenInterceptor>();
        services.AddGrpc(grpc => grpc.Interceptors.Add<ApiTokenInterceptor>());
        return services;
    }

    /// <summary>Subscription discovery and delivery to the app.</summary>
    public static IServiceCollection AddSidecarDelivery(this IServiceCollection services)
    {
        services.AddSingleton<AppChannel>();
        services.AddSingleton<MessageDispatcher>();
        services.AddHostedService<SubscriptionWorker>();
        return services;
    }
}
