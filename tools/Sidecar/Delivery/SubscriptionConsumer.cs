using System.Collections.Concurrent;
using Accreditation.Sidecar.Broker;
using Accreditation.Sidecar.Hosting;
using Accreditation.Sidecar.Subscriptions;
using StackExchange.Redis;

namespace Accreditation.Sidecar.Delivery;

/// <summary>
/// Consumes one subscription's topic stream like Dapr's pubsub.redis: a loop reading new entries
/// for the consumer group (XREADGROUP &gt;) and a loop reclaiming entries pending longer than
/// processingTimeout every redeliverInterval (XPENDING + XCLAIM). Up to <see cref="Concurrency"/>
/// entries are delivered at once (daprd's default concurrency for pubsub.redis).
/// <para>
/// Unlike daprd, an entry this instance owns is never reclaimed by it: an entry is owned from the
/// moment it is read or claimed until its delivery (with all retries) has ended, so a delivery that
/// outlasts processingTimeout is not delivered a second time alongside itself. daprd's reclaim loop
/// has no such guard (its retries are not bound by processingTimeout), and another instance on the
/// same consumer group still reclaims such an entry; hence the start-up warning when processingTimeout
/// does not cover the retry schedule (<see cref="Configuration.RetrySchedule"/>).
/// </para>
/// </summary>
public sealed class SubscriptionConsumer(
    RedisStreamBroker broker,
    Subscription subscription,
    MessageDispatcher dispatcher,
    TimeSpan pollInterval,
    TimeProvider clock,
    ILogger logger) : IDisposable
{
    public const int Concurrency = 10;

    private readonly SemaphoreSlim _slots = new(Concurrency, Concurrency);
    private readonly ConcurrentDictionary<string, byte> _inFlight = new(StringComparer.Ordinal);

    private string Group => broker.Component.ConsumerId!;

    public async Task RunAsync(CancellationToken stopping)
    {
        try
        {
            await Task.WhenAll(PollAsync(stopping), ReclaimAsync(stopping));
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Shutting down.
        }
        finally
        {
            // Wait for deliveries under way: each gives up its slot when it ends.
            for (var i = 0; i < Concurrency; i++)
            {
                await _slots.WaitAsync(CancellationToken.None);
            }
        }
    }

    public void Dispose() => _slots.Dispose();

    private async Task PollAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            IReadOnlyList<StreamMessage> messages;
            try
            {
                messages = await broker.ReadNewAsync(subscription.Topic, Group, broker.Component.QueueDepth);
            }
            catch (Exception e) when (e is RedisException or TimeoutException)
            {
                SidecarLog.ReadFailed(logger, e, subscription.Topic);
                messages = [];
            }

            if (messages.Count == 0)
            {
                await Task.Delay(pollInterval, clock, stopping);
                continue;
            }

            // Owned at once, before waiting for a delivery slot, so the reclaim loop never takes an entry
            // that was read but not yet started.
            foreach (var message in messages.Where(m => _inFlight.TryAdd(m.Id, 0)).ToList())
            {
                await StartAsync(message, stopping);
            }
        }
    }

    private async Task ReclaimAsync(CancellationToken stopping)
    {
        var component = broker.Component;
        if (component.ProcessingTimeout <= TimeSpan.Zero || component.RedeliverInterval <= TimeSpan.Zero)
        {
            return; // Redelivery disabled, as in Dapr.
        }

        while (!stopping.IsCancellationRequested)
        {
            try
            {
                IReadOnlyList<StreamMessage> claimed;
                do
                {
                    claimed = await broker.ClaimIdleAsync(subscription.Topic, Group, component.ProcessingTimeout, component.QueueDepth, IsInFlight);
                    foreach (var message in claimed.Where(m => _inFlight.TryAdd(m.Id, 0)).ToList())
                    {
                        SidecarLog.Reclaimed(logger, message.Topic, message.Id);
                        await StartAsync(message, stopping);
                    }
                }
                while (claimed.Count > 0 && !stopping.IsCancellationRequested);
            }
            catch (Exception e) when (e is RedisException or TimeoutException)
            {
                SidecarLog.ReadFailed(logger, e, subscription.Topic);
            }

            await Task.Delay(component.RedeliverInterval, clock, stopping);
        }
    }

    private bool IsInFlight(string entryId)
    {
        if (!_inFlight.ContainsKey(entryId))
        {
            return false;
        }

        SidecarLog.ReclaimSkippedInFlight(logger, subscription.Topic, entryId);
        return true;
    }

    /// <summary>Delivers an entry this instance owns (already in the in-flight set) once a slot is free.</summary>
    private async Task StartAsync(StreamMessage message, CancellationToken stopping)
    {
        try
        {
            await _slots.WaitAsync(stopping);
        }
        catch (OperationCanceledException)
        {
            _inFlight.TryRemove(message.Id, out _);
            throw;
        }

        _ = Task.Run(
            async () =>
            {
                try
                {
                    await dispatcher.DispatchAsync(broker, subscription, message, stopping);
                }
#pragma warning disable CA1031 // A delivery that fails for any reason must not take the consumer down; the entry stays pending.
                catch (Exception e)
#pragma warning restore CA1031
                {
                    SidecarLog.DispatchCrashed(logger, e, message.Topic, message.Id);
                }
                finally
                {
                    _inFlight.TryRemove(message.Id, out _);
                    _slots.Release();
                }
            },
            CancellationToken.None);
    }
}
