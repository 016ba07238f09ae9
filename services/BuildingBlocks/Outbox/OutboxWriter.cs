using Accreditation.BuildingBlocks.Redis;
using StackExchange.Redis;

namespace Accreditation.BuildingBlocks.Outbox;

/// <summary>
/// Adds outbox entries to a Redis transaction (MULTI/EXEC) that also carries the state change
/// they announce, so both are written or neither is.
/// </summary>
public sealed class OutboxWriter(RedisKeys keys, OutboxSignal signal)
{
    private long _sequence;

    /// <summary>Queues <paramref name="message"/> in <paramref name="transaction"/>; nothing is written until it executes.</summary>
    public void Enqueue(ITransaction transaction, OutboxMessage message)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentNullException.ThrowIfNull(message);
        List<HashEntry> fields =
        [
            new("pubsub", message.PubSubName),
            new("topic", message.Topic),
            new("type", message.EventType),
            new("json", message.Json),
            new("created", message.CreatedAt.ToUnixTimeMilliseconds()),
        ];
        if (message.TraceParent is not null)
        {
            fields.Add(new HashEntry("traceparent", message.TraceParent));
        }

        if (!string.IsNullOrEmpty(message.TraceState))
        {
            fields.Add(new HashEntry("tracestate", message.TraceState));
        }

        _ = transaction.HashSetAsync(OutboxKeys.Entry(keys, message.Id), [.. fields]);
        _ = transaction.SortedSetAddAsync(OutboxKeys.Pending(keys), message.Id, Score(message.CreatedAt));
    }

    /// <summary>Queues the events of a change in <paramref name="transaction"/>, on the platform's pub/sub component.</summary>
    public void Enqueue(ITransaction transaction, IEnumerable<IntegrationEvent> events, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(events);
        foreach (var e in events)
        {
            Enqueue(transaction, OutboxMessage.For(Contracts.Topics.PubSubName, e.Topic, e.EventId, e.Message, now));
        }
    }

    /// <summary>Enqueue time in ms, times 1000, plus a counter: FIFO even within one millisecond (exact in a double up to year 2255).</summary>
    private double Score(DateTimeOffset createdAt) =>
        (createdAt.ToUnixTimeMilliseconds() * 1000d) + (Interlocked.Increment(ref _sequence) % 1000);

    /// <summary>Tells the dispatcher that committed entries are waiting, so it need not wait for its next poll.</summary>
    public void NotifyCommitted() => signal.Notify();
}
