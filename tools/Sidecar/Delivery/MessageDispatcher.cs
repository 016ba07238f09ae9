using Accreditation.Sidecar.Broker;
using Accreditation.Sidecar.Configuration;
using Accreditation.Sidecar.Hosting;
using Accreditation.Sidecar.Subscriptions;
using StackExchange.Redis;

namespace Accreditation.Sidecar.Delivery;

/// <summary>
/// Delivers one stream entry to the app and settles it, by daprd's rules: acknowledged on success;
/// on DROP or 404 dead-lettered (or, without a dead-letter topic, dropped with a warning); retried
/// with the inbound retry policy otherwise, then dead-lettered, or left pending unacknowledged
/// (logged as an error) so the reclaim loop delivers it again after processingTimeout. An expired
/// event (its expiration attribute, from ttlInSeconds, has passed) is not delivered but dead-lettered
/// when the subscription has a dead-letter topic, else dropped, as daprd does. Nothing is acknowledged
/// before its outcome is final, so a crash of the app or the stand-in loses nothing. A dead letter is
/// the entry unchanged (same CloudEvent, same id), so a replay is recognised. Dead letters go through
/// the publish rules as in daprd (whose dead-lettering calls the runtime publisher): a dead-letter
/// topic outside the subscriber app's publishingScopes/allowedTopics is refused, and the entry then
/// stays pending like any failed dead-lettering.
/// </summary>
public sealed class MessageDispatcher(AppChannel app, SidecarOptions options, TimeProvider clock, ILogger<MessageDispatcher> logger)
{
    public async Task DispatchAsync(RedisStreamBroker broker, Subscription subscription, StreamMessage message, CancellationToken stopping)
    {
        ArgumentNullException.ThrowIfNull(broker);
        ArgumentNullException.ThrowIfNull(subscription);
        ArgumentNullException.ThrowIfNull(message);
        try
        {
            await DispatchCoreAsync(broker, subscription, message, stopping);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            SidecarLog.LeftPendingOnStop(logger, message.Topic, message.Id);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            // The outcome could not be recorded; the entry stays pending and is delivered again.
            SidecarLog.SettleFailed(logger, e, message.Topic, message.Id);
        }
    }

    private async Task DispatchCoreAsync(RedisStreamBroker broker, Subscription subscription, StreamMessage message, CancellationToken stopping)
    {
        var component = broker.Component;
        var group = component.ConsumerId ?? throw new InvalidOperationException("consumer id not resolved");
        var prepared = DeliveryPreparer.Prepare(message.Data, message.Metadata, subscription, clock.GetUtcNow());
        if (prepared.Error is not null)
        {
            SidecarLog.Undeliverable(logger, message.Topic, message.Id, prepared.Error);
            await GiveUpAsync(broker, subscription, message, group, null, "not a CloudEvent");
            return;
        }

        if (prepared.Expired)
        {
            await ExpireAsync(broker, subscription, message, group, prepared);
            return;
        }

        // The waits of the inbound retry policy, as daprd spaces them (an exponential policy ends after 15 minutes of waiting).
        var delays = RetrySchedule.Delays(component.InboundRetry ?? RetrySettings.Default);
        var maxAttempts = delays.Count + 1;
        for (var attempt = 1; ; attempt++)
        {
            var (outcome, detail) = await AttemptAsync(subscription, prepared, component.DeliveryTimeout, stopping);
            switch (outcome)
            {
                case DeliveryOutcome.Success:
                    await broker.AcknowledgeAsync(message.Topic, group, message.Id);
                    SidecarLog.Delivered(logger, message.Topic, message.Id, prepared.EventId, subscription.Route, attempt);
                    return;
                case DeliveryOutcome.Drop:
                    await DropAsync(broker, subscription, message, group, prepared.EventId, detail);
                    return;
                default:
                    SidecarLog.AttemptFailed(logger, message.Topic, message.Id, prepared.EventId, attempt, maxAttempts, detail);
                    break;
            }

            if (attempt >= maxAttempts)
            {
                break;
            }

            await Task.Delay(delays[attempt - 1], clock, stopping);
        }

        await GiveUpAsync(broker, subscription, message, group, prepared.EventId, $"retries exhausted ({maxAttempts} attempts)");
    }

    private async Task<(DeliveryOutcome Outcome, string Detail)> AttemptAsync(Subscription subscription, PreparedDelivery prepared, TimeSpan deliveryTimeout, CancellationToken stopping)
    {
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        if (deliveryTimeout > TimeSpan.Zero)
        {
            attempt.CancelAfter(deliveryTimeout);
        }

        try
        {
            var response = await app.DeliverAsync(subscription.Route, prepared, attempt.Token);
            var outcome = ResponseClassifier.Classify(response.StatusCode, response.Body);
            return (outcome, $"HTTP {response.StatusCode} {Snippet(response.Body)}");
        }
        catch (HttpRequestException e)
        {
            return (DeliveryOutcome.Retry, "app not reachable: " + e.Message);
        }
        catch (OperationCanceledException) when (!stopping.IsCancellationRequested)
        {
            return (DeliveryOutcome.Retry, $"no answer within the delivery timeout {deliveryTimeout}");
        }
    }

    /// <summary>
    /// An expired event is not delivered; as in daprd it goes to the subscription's dead-letter topic
    /// when there is one, and is acknowledged either way (daprd ignores a failed dead-lettering here,
    /// so a dead-letter topic outside the scopes drops it, logged as an error).
    /// </summary>
    private async Task ExpireAsync(RedisStreamBroker broker, Subscription subscription, StreamMessage message, string group, PreparedDelivery prepared)
    {
        if (subscription.DeadLetterTopic is { } deadLetter && broker.Component.Scopes.MayPublish(deadLetter))
        {
            await broker.DeadLetterAsync(message, deadLetter, group, clock.GetUtcNow());
            SidecarLog.ExpiredDeadLettered(logger, message.Topic, message.Id, prepared.EventId, prepared.Expiration, deadLetter);
            return;
        }

        if (subscription.DeadLetterTopic is { } refused)
        {
            SidecarLog.DeadLetterForbidden(logger, message.Topic, message.Id, prepared.EventId, refused, options.AppId, $"the event expired at {prepared.Expiration} and is dropped, as daprd drops it");
        }
        else
        {
            SidecarLog.Expired(logger, message.Topic, message.Id, prepared.EventId, prepared.Expiration);
        }

        await broker.AcknowledgeAsync(message.Topic, group, message.Id);
    }

    private async Task DropAsync(RedisStreamBroker broker, Subscription subscription, StreamMessage message, string group, string? eventId, string detail)
    {
        if (subscription.DeadLetterTopic is null)
        {
            await broker.AcknowledgeAsync(message.Topic, group, message.Id);
            SidecarLog.DroppedWithoutDeadLetter(logger, message.Topic, message.Id, eventId, detail);
            return;
        }

        await DeadLetterOrLeavePendingAsync(broker, subscription, message, group, eventId, "dropped by the app: " + detail);
    }

    private async Task GiveUpAsync(RedisStreamBroker broker, Subscription subscription, StreamMessage message, string group, string? eventId, string reason)
    {
        if (subscription.DeadLetterTopic is null)
        {
            SidecarLog.LeftPending(logger, message.Topic, message.Id, reason, broker.Component.ProcessingTimeout);
            return;
        }

        await DeadLetterOrLeavePendingAsync(broker, subscription, message, group, eventId, reason);
    }

    /// <summary>
    /// Dead-letters through the publish rules, as daprd does (its dead letters go through the runtime
    /// publisher, so the subscriber app's publishingScopes and allowedTopics apply). A refused dead
    /// letter leaves the entry pending, to be delivered again after processingTimeout.
    /// </summary>
    private async Task DeadLetterOrLeavePendingAsync(RedisStreamBroker broker, Subscription subscription, StreamMessage message, string group, string? eventId, string reason)
    {
        var deadLetter = subscription.DeadLetterTopic!;
        if (!broker.Component.Scopes.MayPublish(deadLetter))
        {
            SidecarLog.DeadLetterForbidden(logger, message.Topic, message.Id, eventId, deadLetter, options.AppId, $"left pending ({reason}), delivered again after processingTimeout {broker.Component.ProcessingTimeout}");
            return;
        }

        await broker.DeadLetterAsync(message, deadLetter, group, clock.GetUtcNow());
        SidecarLog.DeadLettered(logger, message.Topic, message.Id, eventId, deadLetter, reason);
    }

    private static string Snippet(byte[] body)
    {
        var text = System.Text.Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 200));
        return body.Length > 200 ? text + "…" : text;
    }
}
