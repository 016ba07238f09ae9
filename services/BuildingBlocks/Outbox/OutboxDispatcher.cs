using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using StackExchange.Redis;

namespace Accreditation.BuildingBlocks.Outbox;

/// <summary>
/// Publishes committed outbox entries, oldest first, and removes each only after the broker
/// accepted it. Entries survive a crash in Redis and are published after restart; a failure stops
/// the round so later entries do not overtake earlier ones.
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
    private readonly string _holder = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";
    private readonly ResiliencePipeline _pipeline = OutboxPipeline.Build(options.Value, timeProvider);

    /// <summary>Publishes what is pending now; returns how many entries were published.</summary>
    public async Task<int> DispatchPendingAsync(CancellationToken cancellationToken)
    {
        if (!await store.TryHoldLeaseAsync(_holder, options.Value.LeaseDuration))
        {
            return 0;
        }

        var published = 0;
        var batch = await store.ReadPendingAsync(options.Value.BatchSize);
        foreach (var message in batch)
        {
            // Renew before every publish: a round may outlast one lease period while the sidecar is slow,
            // and another replica must never publish the same entries meanwhile.
            if (published > 0 && !await store.TryHoldLeaseAsync(_holder, options.Value.LeaseDuration))
            {
                break;
            }

            await _pipeline.ExecuteAsync(
                static async (state, ct) => await state.transport.PublishAsync(state.message, ct),
                (transport, message),
                cancellationToken);
            await store.MarkDoneAsync(message.Id);
            published++;
            metrics.Published.Add(1, new KeyValuePair<string, object?>("topic", message.Topic));
            LogPublished(message.Id, message.Topic);
        }

        return published;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var published = 0;
            try
            {
                published = await DispatchPendingAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                metrics.FailedRounds.Add(1);
                LogRoundFailed(e);
            }

            if (published < options.Value.BatchSize)
            {
                try
                {
                    await signal.WaitAsync(options.Value.PollInterval, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }

        try
        {
            await store.ReleaseLeaseAsync(_holder);
        }
        catch (RedisException e)
        {
            LogLeaseReleaseFailed(e);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Published outbox entry {EventId} to {Topic}")]
    private partial void LogPublished(string eventId, string topic);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox round failed; pending entries stay queued for the next round")]
    private partial void LogRoundFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not release the outbox lease; it expires by itself")]
    private partial void LogLeaseReleaseFailed(Exception exception);
}
