using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Accreditation.BuildingBlocks.Inbox;

public static class InboxServiceCollectionExtensions
{
    public static IServiceCollection AddIdempotentConsumer(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<InboxOptions>(configuration.GetSection(InboxOptions.SectionName));
        services.TryAddSingleton<IdempotentConsumer>();
        return services;
    }
}
