using System.Text.Json;
using Accreditation.Sidecar.Configuration;
using Accreditation.Sidecar.Delivery;
using Accreditation.Sidecar.Subscriptions;
using StackExchange.Redis;

namespace Accreditation.Sidecar.Hosting;

/// <summary>
/// Asks the app for its subscriptions (GET /dapr/subscribe, retried until the app answers), makes
/// sure each topic stream has the consumer group, then runs one <see cref="SubscriptionConsumer"/>
/// per subscription until shutdown. Without an app port there is nothing to consume. As in daprd, a
/// subscription to a topic outside the component's subscriptionScopes/allowedTopics is not started
/// (logged as a warning; no consumer group is created, so nothing is read or delivered).
/// </summary>
public sealed class SubscriptionWorker(
    SidecarOptions options,
    PubSubRegistry registry,
    AppChannel app,
    MessageDispatcher dispatcher,
    SidecarState state,
    TimeProvider clock,
    ILogger<SubscriptionWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.AppPort is null)
        {
            state.MarkSubscriptionsReady([]);
            return;
        }

        var list = await DiscoverAsync(stoppingToken);
        foreach (var warning in list.Warnings)
        {
            SidecarLog.SubscriptionWarning(logger, warning);
        }

        var consumers = new List<SubscriptionConsumer>();
        var running = new List<Task>();
        var active = new List<Subscription>();
        foreach (var subscription in list.Subscriptions)
        {
            var broker = registry.Find(subscription.PubSubName);
            if (broker is null)
            {
                SidecarLog.UnknownPubSub(logger, subscription.PubSubName, subscription.Topic);
                continue;
            }

            if (!broker.Component.Scopes.MaySubscribe(subscription.Topic))
            {
                SidecarLog.SubscriptionForbidden(logger, subscription.PubSubName, subscription.Topic, options.AppId);
                continue;
            }

            if (subscription.DeadLetterTopic is { } deadLetter && !broker.Component.Scopes.MayPublish(deadLetter))
            {
                SidecarLog.DeadLetterTopicForbidden(logger, subscription.PubSubName, subscription.Topic, deadLetter, options.AppId);
            }

            await EnsureGroupAsync(broker, subscription, stoppingToken);
            SidecarLog.Subscribed(logger, subscription.PubSubName, subscription.Topic, subscription.Route, subscription.DeadLetterTopic ?? "", broker.Component.ConsumerId!);
            var consumer = new SubscriptionConsumer(broker, subscription, dispatcher, options.PollInterval, clock, logger);
            consumers.Add(consumer);
            running.Add(consumer.RunAsync(stoppingToken));
            active.Add(subscription);
        }

        state.MarkSubscriptionsReady(active);
        try
        {
            await Task.WhenAll(running);
        }
        finally
        {
            consumers.ForEach(c => c.Dispose());
        }
    }

    private async Task<SubscriptionList> DiscoverAsync(CancellationToken stopping)
    {
        var reported = false;
        while (true)
        {
            try
            {
                var json = await app.GetSubscriptionsAsync(stopping);
                return SubscriptionParser.Parse(json);
            }
            catch (Exception e) when (e is HttpRequestException || (e is OperationCanceledException && !stopping.IsCancellationRequested))
            {
                if (!reported)
                {
                    SidecarLog.WaitingForApp(logger, options.AppHost, options.AppPort ?? 0, e.Message);
                    reported = true;
                }
            }
            catch (Exception e) when (e is JsonException or FormatException)
            {
                SidecarLog.BadSubscriptions(logger, e);
                return new SubscriptionList([], []);
            }

            await Task.Delay(options.DiscoveryRetryInterval, clock, stopping);
        }
    }

    private async Task EnsureGroupAsync(Broker.RedisStreamBroker broker, Subscription subscription, CancellationToken stopping)
    {
        while (true)
        {
            try
            {
                await broker.EnsureGroupAsync(subscription.Topic, broker.Component.ConsumerId!);
                return;
            }
            catch (Exception e) when (e is RedisException or TimeoutException)
            {
                SidecarLog.ReadFailed(logger, e, subscription.Topic);
            }

            await Task.Delay(options.DiscoveryRetryInterval, clock, stopping);
        }
    }
}
