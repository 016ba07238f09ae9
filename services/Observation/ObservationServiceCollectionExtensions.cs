using Accreditation.AssessmentRules.Kss;
using Accreditation.BuildingBlocks.Inbox;
using Accreditation.BuildingBlocks.Outbox;
using Accreditation.BuildingBlocks.Redis;
using Accreditation.BuildingBlocks.Subscriptions;
using Accreditation.Contracts.Events.V1;
using Accreditation.Observation.Api;
using Accreditation.Observation.Application;
using Accreditation.Observation.Domain;
using Accreditation.Observation.Infrastructure;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Accreditation.Observation;

public static class ObservationServiceCollectionExtensions
{
    public const string ServiceName = Contracts.AppIds.Observation;

    /// <summary>The Observation service's parts: store, outbox, inbox, scenarios, registry, sessions, marking, eligibility consumers, policies.</summary>
    public static IServiceCollection AddObservation(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddRedisStore(configuration, ServiceName + ":");
        services.AddOutbox(configuration);
        services.AddIdempotentConsumer(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<ObservationOptions>()
            .Bind(configuration.GetSection(ObservationOptions.SectionName))
            .Validate(o => o.Problems().Count == 0, "the Observation configuration is not usable; see ObservationOptions.Problems")
            .ValidateOnStart();
        services.AddObservationAuthorization();
        services.AddSingleton(_ => KssCatalog.LoadEmbedded(typeof(ObservationServiceCollectionExtensions).Assembly));
        services.AddSingleton<ScenarioRepository>();
        services.AddSingleton<RegistryRepository>();
        services.AddSingleton<SessionRepository>();
        services.AddSingleton<Rubrics>();
        services.AddSingleton<ScenarioCommands>();
        services.AddSingleton<RegistryCommands>();
        services.AddSingleton<SchedulingCommands>();
        services.AddSingleton<MarkingCommands>();
        services.AddSingleton<AuditQueries>();
        services.AddSingleton<EnrolmentEventsConsumer>();
        services.AddSingleton<IIntegrationEventConsumer<CandidateEnrolled>>(sp => sp.GetRequiredService<EnrolmentEventsConsumer>());
        services.AddSingleton<IIntegrationEventConsumer<CandidateEndorsed>>(sp => sp.GetRequiredService<EnrolmentEventsConsumer>());
        services.AddSingleton<IIntegrationEventConsumer<CandidateWithdrawn>>(sp => sp.GetRequiredService<EnrolmentEventsConsumer>());
        services.AddSingleton<IIntegrationEventConsumer<CandidateMoved>>(sp => sp.GetRequiredService<EnrolmentEventsConsumer>());
        return services;
    }
}
