using System.Diagnostics;
using Accreditation.BuildingBlocks.Telemetry;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using StackExchange.Redis;

namespace Accreditation.BuildingBlocks.Outbox;

/// <summary>
/// Publishes committed outbox entries, oldest first, and removes each only after the sidecar
/// accepted it. Entries survive a crash in Redis and are published after restart. One replica
/// dispatches at a time, by a short lease its heartbeat keeps alive. A transient failure ends the
/// round (later entries must not overtake earlier ones); a refusal for good holds back only the
/// entry's topic for the round, and after <see cref="OutboxOptions.MaxRefusals"/> refusals the entry
/// is parked for an operator, so one poison entry never blocks every later event.
/// </summary>
public sealed partial class OutboxDispatcher(
    OutboxStore store,
    IEventTransport transport,
    OutboxSignal signal,
    IOptions<OutboxOptions> options,
    TimeProvider timeProvider,
    OutboxMetrics metrics,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    public const string ActivitySourceName = TelemetryExtensions.SourcePrefix + "Outbox";
    private static readonly ActivitySource Source = new(ActivitySourceName);

    private readonly string _holder = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";
    private readonly ResiliencePipeline _pipeline = OutboxPipeline.Build(options.Value, timeProvider);

    /// <summary>Until when (UTC ticks) this dispatcher surely holds the lease: the last successful take or renewal plus the lease duration.</summary>
    private long _leaseValidUntil;

    private OutboxOptions Options => options.Value;

    /// <summary>Publishes what is pending now; returns how many entries were published.</summary>
    public async Task<int> DispatchPendingAsync(CancellationToken cancellationToken)
    {
        var started = timeProvider.GetUtcNow();
        if (!await store.TryHoldLeaseAsync(_holder, Options.LeaseDuration).WaitAsync(cancellationToken))
        {
            return 0;
        }

        LeaseHeldSince(started);
        var heldBack = new HashSet<string>(StringComparer.Ordinal);
        var published = 0;
        // A held-back topic must not hide the others: when a page had held-back entries, the next page is read too.
        for (var page = 0; page < MaxPagesPerRound; page++)
        {
            var batch = await store.ReadPendingAsync(Options.BatchSize, page * Options.BatchSize).WaitAsync(cancellationToken);
            foreach (var id in batch.Corrupt)
            {
                if (!HoldsLease())
                {
                    return published;
                }

                await ParkAsync(id, "the entry cannot be read (fields missing or malformed)", cancellationToken);
            }

            var skipped = 0;
            foreach (var message in batch.Messages)
            {
                if (heldBack.Contains(message.Topic))
                {
                    skipped++;
                    continue;
                }

                // Another replica may take over once the lease lapses: publish nothing more without it.
                if (!HoldsLease())
                {
                    return published;
                }

                try
                {
                    await PublishAsync(message, cancellationToken);
                }
                catch (PublishRefusedException e)
                {
                    heldBack.Add(message.Topic);
                    skipped++;
                    metrics.Refused.Add(1, new KeyValuePair<string, object?>("topic", message.Topic));
                    var refusals = await store.RecordRefusalAsync(message.Id, e.Message).WaitAsync(cancellationToken);
                    LogRefused(e, message.Id, message.Topic, refusals);
                    if (refusals >= Options.MaxRefusals && HoldsLease())
                    {
                        await ParkAsync(message.Id, $"refused {refusals} times: {e.Message}", cancellationToken);
                    }

                    continue;
                }

                await store.MarkDoneAsync(message.Id).WaitAsync(cancellationToken);
                published++;
                metrics.Published.Add(1, new KeyValuePair<string, object?>("topic", message.Topic));
                LogPublished(message.Id, message.Topic);
            }

            if (skipped == 0 || batch.Messages.Count + batch.Corrupt.Count < Options.BatchSize)
            {
                break;
            }
        }

        return published;
    }

    /// <summary>Pages of pending entries one round may read past held-back topics.</summary>
    private const int MaxPagesPerRound = 20;

    private void LeaseHeldSince(DateTimeOffset askedAt) =>
        Interlocked.Exchange(ref _leaseValidUntil, (askedAt + Options.LeaseDuration).UtcTicks);

    /// <summary>Whether the lease surely has a third of its time left.</summary>
    private bool HoldsLease() =>
        timeProvider.GetUtcNow().UtcTicks < Interlocked.Read(ref _leaseValidUntil) - (Options.LeaseDuration / 3).Ticks;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var heartbeatStop = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var heartbeat = HeartbeatAsync(heartbeatStop.Token);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var published = 0;
                try
                {
                    published = await DispatchPendingAsync(stoppingToken);
                    await ObserveBacklogAsync(stoppingToken);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    break;
                }
                catch (Exception e)
                {
                    metrics.FailedRounds.Add(1);
                    LogRoundFailed(e);
                }

                if (published < Options.BatchSize)
                {
                    try
                    {
                        await signal.WaitAsync(Options.PollInterval, stoppingToken);
                    }
                    catch (OperationCanceledException)
                    {
                        break;
                    }
                }
            }
        }
        finally
        {
            await heartbeatStop.CancelAsync();
            await heartbeat.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            await ReleaseLeaseAsync();
        }
    }

    /// <summary>Keeps the lease alive while this process lives: renews it every third of its duration (only while held).</summary>
    private async Task HeartbeatAsync(CancellationToken cancellationToken)
    {
        var interval = Options.LeaseDuration / 3;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(interval, timeProvider, cancellationToken);
                var askedAt = timeProvider.GetUtcNow();
                if (await store.RenewLeaseAsync(_holder, Options.LeaseDuration).WaitAsync(cancellationToken))
                {
                    LeaseHeldSince(askedAt);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // A timeout is not a RedisException: any failure only means this renewal did not happen.
                LogHeartbeatFailed(e);
            }
        }
    }

    private async Task PublishAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        // The publish belongs to the trace of the request that wrote the entry.
        ActivityContext.TryParse(message.TraceParent, message.TraceState, isRemote: true, out var parent);
        using var activity = Source.StartActivity("publish " + message.Topic, ActivityKind.Producer, parent);
        activity?.SetTag("messaging.system", "dapr");
        activity?.SetTag("messaging.destination.name", message.Topic);
        activity?.SetTag("messaging.message.id", message.Id);
        await _pipeline.ExecuteAsync(
            static async (state, ct) => await state.transport.PublishAsync(state.message, ct),
            (transport, message),
            cancellationToken);
    }

    private async Task ParkAsync(string id, string reason, CancellationToken cancellationToken)
    {
        if (await store.ParkAsync(id, reason, timeProvider.GetUtcNow()).WaitAsync(cancellationToken))
        {
            metrics.Parked.Add(1);
            LogParked(id, reason);
        }
    }

    private async Task ObserveBacklogAsync(CancellationToken cancellationToken)
    {
        var oldest = await store.OldestPendingAsync().WaitAsync(cancellationToken);
        var pending = await store.CountPendingAsync().WaitAsync(cancellationToken);
        var parked = await store.CountParkedAsync().WaitAsync(cancellationToken);
        metrics.Observe(pending, parked, oldest is null ? TimeSpan.Zero : timeProvider.GetUtcNow() - oldest.Value);
    }

    private async Task ReleaseLeaseAsync()
    {
        try
        {
            await store.ReleaseLeaseAsync(_holder).WaitAsync(Options.ShutdownTimeout);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            LogLeaseReleaseFailed(e);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Published outbox entry {EventId} to {Topic}")]
    private partial void LogPublished(string eventId, string topic);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox round failed; pending entries stay queued for the next round")]
    private partial void LogRoundFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The sidecar refused outbox entry {EventId} for {Topic} ({Refusals} refusals so far); its topic waits for the next round")]
    private partial void LogRefused(Exception exception, string eventId, string topic, long refusals);

    [LoggerMessage(Level = LogLevel.Error, Message = "Parked outbox entry {EventId}: {Reason}. List and requeue it with accredit outbox")]
    private partial void LogParked(string eventId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not renew the outbox lease; another replica takes over if it lapses")]
    private partial void LogHeartbeatFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not release the outbox lease; it expires by itself")]
    private partial void LogLeaseReleaseFailed(Exception exception);
}
