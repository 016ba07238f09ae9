using System.Text.Json;
using Accreditation.Sidecar.Components;
using StackExchange.Redis;

namespace Accreditation.Sidecar.Broker;

/// <summary>
/// Redis Streams laid out as Dapr's pubsub.redis lays them out, so daprd and the stand-in can share
/// a broker: one stream per topic (key = topic name), entries with fields "data" (event bytes) and
/// "metadata" (JSON of the publish metadata, only when there is some), trimmed on XADD by
/// maxLenApprox or streamTTL exactly as daprd trims, one consumer group per consumer id created
/// from "0" with MKSTREAM, consumer name = consumer id, XACK only once the outcome is final,
/// XPENDING + XCLAIM of entries idle for at least processingTimeout.
/// </summary>
public sealed class RedisStreamBroker(PubSubComponent component, IConnectionMultiplexer connection)
{
    public PubSubComponent Component { get; } = component;

    public IConnectionMultiplexer Connection { get; } = connection;

    private IDatabase Db => Connection.GetDatabase(Component.RedisDb);

    /// <summary>XADD of one event, trimming the stream as the component says (<see cref="TrimOptions"/>).</summary>
    public async Task<string> PublishAsync(string topic, ReadOnlyMemory<byte> data, IReadOnlyDictionary<string, string>? metadata, DateTimeOffset now)
    {
        var id = await Db.StreamAddAsync(topic, Fields(data, metadata), TrimOptions(now));
        return id.ToString();
    }

    /// <summary>
    /// How each XADD trims, as daprd's pubsub.redis does: MAXLEN ~ maxLenApprox when set, else
    /// MINID ~ (now - streamTTL in Unix milliseconds)-1 when streamTTL is set (entries older than the
    /// TTL go, whether read or not), else no trimming. "~" lets Redis trim only whole stream nodes,
    /// so somewhat more than the bound may stay.
    /// </summary>
    public StreamAddOptions TrimOptions(DateTimeOffset now)
    {
        if (Component.MaxLenApprox > 0)
        {
            return new StreamAddOptions { MaxLength = Component.MaxLenApprox, Approximate = true };
        }

        if (Component.StreamTtl > TimeSpan.Zero)
        {
            var minId = FormattableString.Invariant($"{(now - Component.StreamTtl).ToUnixTimeMilliseconds()}-1");
            return new StreamAddOptions { MinId = minId, Approximate = true };
        }

        return default;
    }

    public async Task EnsureGroupAsync(string topic, string group)
    {
        try
        {
            await Db.StreamCreateConsumerGroupAsync(topic, group, "0", createStream: true);
        }
        catch (RedisServerException e) when (e.Message.StartsWith("BUSYGROUP", StringComparison.Ordinal))
        {
            // The group exists already (another instance, or an earlier run).
        }
    }

    /// <summary>Entries never delivered to the group (XREADGROUP ... &gt;); recreates a vanished group.</summary>
    public async Task<IReadOnlyList<StreamMessage>> ReadNewAsync(string topic, string group, int count)
    {
        StreamEntry[] entries;
        try
        {
            entries = await Db.StreamReadGroupAsync(topic, group, group, StreamPosition.NewMessages, count);
        }
        catch (RedisServerException e) when (e.Message.StartsWith("NOGROUP", StringComparison.Ordinal))
        {
            await EnsureGroupAsync(topic, group);
            return [];
        }

        return entries.Where(e => !e.IsNull).Select(e => ToMessage(topic, e)).ToList();
    }

    /// <summary>
    /// Claims pending entries idle for at least <paramref name="minIdle"/> (a consumer that crashed,
    /// or a delivery left for later), except those this process is still working on.
    /// </summary>
    public async Task<IReadOnlyList<StreamMessage>> ClaimIdleAsync(string topic, string group, TimeSpan minIdle, int count, Func<string, bool> inFlight)
    {
        var pending = await Db.StreamPendingMessagesAsync(topic, group, count, RedisValue.Null);
        var ids = pending
            .Where(p => p.IdleTimeInMilliseconds >= (long)minIdle.TotalMilliseconds && !inFlight(p.MessageId.ToString()))
            .Select(p => p.MessageId)
            .ToArray();
        if (ids.Length == 0)
        {
            return [];
        }

        var claimed = await Db.StreamClaimAsync(topic, group, group, (long)minIdle.TotalMilliseconds, ids);
        var found = claimed.Where(e => !e.IsNull).ToList();
        foreach (var id in ids.Except(found.Select(e => e.Id)))
        {
            // An entry trimmed or deleted from the stream can never be delivered: take it off the pending list.
            if (!inFlight(id.ToString()) && (await Db.StreamRangeAsync(topic, id, id)).Length == 0)
            {
                await Db.StreamAcknowledgeAsync(topic, group, id);
            }
        }

        return found.Select(e => ToMessage(topic, e)).ToList();
    }

    public Task AcknowledgeAsync(string topic, string group, string id) =>
        Db.StreamAcknowledgeAsync(topic, group, id);

    /// <summary>
    /// Appends the entry, unchanged (same data, so the same CloudEvent and id, and same metadata), to
    /// the dead-letter stream, trimmed like any publish, and acknowledges the original, atomically (MULTI/EXEC).
    /// </summary>
    public async Task DeadLetterAsync(StreamMessage message, string deadLetterTopic, string group, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(message);
        var fields = new List<NameValueEntry> { new(StreamFields.Data, message.Data) };
        if (message.Metadata is not null)
        {
            fields.Add(new NameValueEntry(StreamFields.Metadata, message.Metadata));
        }

        var transaction = Db.CreateTransaction();
        var add = transaction.StreamAddAsync(deadLetterTopic, [.. fields], TrimOptions(now));
        var ack = transaction.StreamAcknowledgeAsync(message.Topic, group, message.Id);
        if (!await transaction.ExecuteAsync())
        {
            throw new RedisException($"dead-lettering {message.Topic}/{message.Id} to {deadLetterTopic} did not commit");
        }

        await Task.WhenAll(add, ack);
    }

    public async Task<bool> PingAsync()
    {
        try
        {
            await Db.PingAsync();
            return true;
        }
        catch (RedisException)
        {
            return false;
        }
    }

    private static NameValueEntry[] Fields(ReadOnlyMemory<byte> data, IReadOnlyDictionary<string, string>? metadata)
    {
        var fields = new List<NameValueEntry> { new(StreamFields.Data, data) };
        if (metadata is { Count: > 0 })
        {
            fields.Add(new NameValueEntry(StreamFields.Metadata, JsonSerializer.Serialize(metadata)));
        }

        return [.. fields];
    }

    private static StreamMessage ToMessage(string topic, StreamEntry entry)
    {
        var data = entry[StreamFields.Data];
        var metadata = entry[StreamFields.Metadata];
        return new StreamMessage(
            topic,
            entry.Id.ToString(),
            data.IsNull ? ReadOnlyMemory<byte>.Empty : (byte[])data!,
            metadata.IsNull ? null : metadata.ToString());
    }
}
