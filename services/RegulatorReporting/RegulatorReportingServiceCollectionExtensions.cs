using Accreditation.BuildingBlocks.Inbox;
using Accreditation.BuildingBlocks.Outbox;
using Accreditation.BuildingBlocks.Redis;
using Accreditation.BuildingBlocks.Subscriptions;
using Accreditation.Contracts.Events.V1;
using Accreditation.RegulatorReporting.Api;
using Accreditation.RegulatorReporting.Application;
using Accreditation.RegulatorReporting.Domain;
using Accreditation.RegulatorReporting.Infrastructure;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Accreditation.RegulatorReporting;

public static class RegulatorReportingServiceCollectionExtensions
{
    public const string ServiceName = Contracts.AppIds.Reporting;

    /// <summary>The Reporting service's parts: store, outbox, inbox, the projection's consumers, the regulator's queries, policies, HTTP/JSON.</summary>
    public static IServiceCollection AddRegulatorReporting(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddRedisStore(configuration, ServiceName + ":");
        services.AddOutbox(configuration);
        services.AddIdempotentConsumer(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<ReportingOptions>()
            .Bind(configuration.GetSection(ReportingOptions.SectionName))
            .Validate(o => o.Problems().Count == 0, "the Reporting configuration is not usable; see ReportingOptions.Problems (Reporting:Feed:CursorKey must be set)")
            .ValidateOnStart();
        services.AddReportingAuthorization();
        services.AddGrpc().AddJsonTranscoding();
        services.AddSingleton(sp => new FeedCursor(sp.GetRequiredService<IOptions<ReportingOptions>>().Value.Feed.CursorKey));
        services.AddSingleton<ReportingStore>();
        services.AddSingleton<RegulatorQueries>();
        services.AddSingleton<EvaluationQueries>();
        services.AddSingleton<OpenApiDocument>();
        services.AddSingleton<ProgressEventsConsumer>();
        services.AddSingleton<IIntegrationEventConsumer<CandidateEnrolled>>(sp => sp.GetRequiredService<ProgressEventsConsumer>());
        services.AddSingleton<IIntegrationEventConsumer<CandidateEndorsed>>(sp => sp.GetRequiredService<ProgressEventsConsumer>());
        services.AddSingleton<IIntegrationEventConsumer<CandidateWithdrawn>>(sp => sp.GetRequiredService<ProgressEventsConsumer>());
        services.AddSingleton<IIntegrationEventConsumer<CandidateMoved>>(sp => sp.GetRequiredService<ProgressEventsConsumer>());
        services.AddSingleton<IIntegrationEventConsumer<KnowledgeTestCompleted>>(sp => sp.GetRequiredService<ProgressEventsConsumer>());
        services.AddSingleton<IIntegrationEventConsumer<SimulatedPracticeCompleted>>(sp => sp.GetRequiredService<ProgressEventsConsumer>());
        services.AddSingleton<IIntegrationEventConsumer<EqualityMonitoringRecorded>>(sp => sp.GetRequiredService<ProgressEventsConsumer>());
        services.AddSingleton<IIntegrationEventConsumer<AccreditationRecorded>>(sp => sp.GetRequiredService<ProgressEventsConsumer>());
        return services;
    }
}
