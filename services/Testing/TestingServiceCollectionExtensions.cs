using Accreditation.AssessmentRules.Kss;
using Accreditation.BuildingBlocks.Inbox;
using Accreditation.BuildingBlocks.Outbox;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Accreditation.BuildingBlocks.Redis;
using Accreditation.BuildingBlocks.Subscriptions;
using Accreditation.Contracts.Events.V1;
using Accreditation.Testing.Application;
using Accreditation.Testing.Domain;
using Accreditation.Testing.Infrastructure;

namespace Accreditation.Testing;

public static class TestingServiceCollectionExtensions
{
    public const string ServiceName = Contracts.AppIds.Testing;

    /// <summary>The Testing service's parts: store, outbox, inbox, bank, sittings, eligibility consumers, deadline closer.</summary>
    public static IServiceCollection AddTesting(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddRedisStore(configuration, ServiceName + ":");
        services.AddOutbox(configuration);
        services.AddIdempotentConsumer(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.Configure<TestingOptions>(configuration.GetSection(TestingOptions.SectionName));
        services.AddSingleton(_ => KssCatalog.LoadEmbedded(typeof(TestingServiceCollectionExtensions).Assembly));
        services.AddSingleton<BankRepository>();
        services.AddSingleton<SittingRepository>();
        services.AddSingleton<BankCommands>();
        services.AddSingleton<DeliveryCommands>();
        services.AddSingleton<EnrolmentEventsConsumer>();
        services.AddSingleton<IIntegrationEventConsumer<CandidateEnrolled>>(sp => sp.GetRequiredService<EnrolmentEventsConsumer>());
        services.AddSingleton<IIntegrationEventConsumer<CandidateEndorsed>>(sp => sp.GetRequiredService<EnrolmentEventsConsumer>());
        services.AddSingleton<IIntegrationEventConsumer<CandidateWithdrawn>>(sp => sp.GetRequiredService<EnrolmentEventsConsumer>());
        services.AddSingleton<IIntegrationEventConsumer<CandidateMoved>>(sp => sp.GetRequiredService<EnrolmentEventsConsumer>());
        services.AddSingleton<DeadlineCloser>();
        services.AddHostedService(sp => sp.GetRequiredService<DeadlineCloser>());
        return services;
    }
}
