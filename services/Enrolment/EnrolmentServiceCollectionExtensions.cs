using Accreditation.BuildingBlocks.Inbox;
using Accreditation.BuildingBlocks.Outbox;
using Accreditation.BuildingBlocks.Subscriptions;
using Accreditation.Contracts.Events.V1;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Accreditation.BuildingBlocks.Redis;
using Accreditation.Enrolment.Application;
using Accreditation.Enrolment.Domain;
using Accreditation.Enrolment.Infrastructure;

namespace Accreditation.Enrolment;

public static class EnrolmentServiceCollectionExtensions
{
    public const string ServiceName = Contracts.AppIds.Enrolment;

    /// <summary>The Enrolment service's own parts: its store, outbox, inbox, phase participation, use cases and the accreditation consumer.</summary>
    public static IServiceCollection AddEnrolment(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddRedisStore(configuration, ServiceName + ":");
        services.AddOutbox(configuration);
        services.AddIdempotentConsumer(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(_ => LocalAuthorityCatalog.LoadEmbedded());
        services.AddSingleton(sp =>
        {
            var options = new PhaseOptions();
            configuration.GetSection(PhaseOptions.SectionName).Bind(options);
            return RolloutPhase.Create(options.Name, options.Authorities, sp.GetRequiredService<LocalAuthorityCatalog>());
        });
        services.AddSingleton<EnrolmentRepository>();
        services.AddSingleton<EnrolmentCommands>();
        services.AddSingleton<AccreditationAwardedConsumer>();
        services.AddSingleton<IIntegrationEventConsumer<AccreditationAwarded>>(sp => sp.GetRequiredService<AccreditationAwardedConsumer>());
        return services;
    }
}
