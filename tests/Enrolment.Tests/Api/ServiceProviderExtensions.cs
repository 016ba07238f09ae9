using Accreditation.BuildingBlocks.Outbox;
using Microsoft.Extensions.DependencyInjection;

namespace Accreditation.Enrolment.Tests.Api;

internal static class ServiceProviderExtensions
{
    public static Task<long> GetOutboxPendingAsync(this IServiceProvider services) =>
        services.GetRequiredService<OutboxStore>().CountPendingAsync();
}
