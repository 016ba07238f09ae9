using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using StackExchange.Redis;

namespace Accreditation.BuildingBlocks.Redis;

public static class RedisServiceCollectionExtensions
{
    /// <summary>Registers the service's Redis store from the "Redis" section.</summary>
    public static IServiceCollection AddRedisStore(this IServiceCollection services, IConfiguration configuration, string defaultKeyPrefix)
    {
        var options = configuration.GetSection(RedisStoreOptions.SectionName).Get<RedisStoreOptions>() ?? new RedisStoreOptions();
        var prefix = string.IsNullOrEmpty(options.KeyPrefix) ? defaultKeyPrefix : options.KeyPrefix;
        services.TryAddSingleton<IConnectionMultiplexer>(_ =>
        {
            var config = ConfigurationOptions.Parse(options.ConnectionString);
            // Keep retrying in the background rather than failing the process on a slow start.
            config.AbortOnConnectFail = false;
            return ConnectionMultiplexer.Connect(config);
        });
        services.TryAddSingleton(new RedisKeys(prefix));
        services.TryAddSingleton<RedisStore>();
        services.AddHealthChecks().AddCheck<RedisHealthCheck>("redis");
        return services;
    }
}
