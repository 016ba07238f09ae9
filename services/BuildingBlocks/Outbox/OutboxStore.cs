using Accreditation.BuildingBlocks.Redis;
using StackExchange.Redis;

namespace Accreditation.BuildingBlocks.Outbox;

/// <summary>
/// The outbox in the service's store: reads pending entries, marks them done once the sidecar
/// accepted them, counts refusals, parks entries that cannot be published (refused too often, or
/// unreadable) and requeues parked entries for an operator; holds the dispatch lease.
/// </summary>
public sealed class OutboxStore(RedisStore store)
{
    private static readonly string[] Required = ["pubsub", "topic", "type", "json", "created"];

    private IDatabase Db => store.Database;

    /// <summary>The oldest pending entries, at most <paramref name="count"/>, and the ids among them that cannot be read.</summary>
    public async Task<PendingBatch> ReadPendingAsync(int count, int skip = 0)
    {
        var ids = await Db.SortedSetRangeByRankAsync(OutboxKeys.Pending(store.Keys), skip, skip + count - 1);
        var reads = ids.Select(id => ReadEntryAsync(id!)).ToList();
        var entries = await Task.WhenAll(reads);
        var messages = new List<OutboxMessage>(ids.Length);
        var corrupt = new List<string>();
        for (var i = 0; i < ids.Length; i++)
        {
            var message = entries[i] is { } fields ? Parse(ids[i]!, fields) : null;
            if (message is null)
            {
                corrupt.Add(ids[i]!);
            }
            else
            {
                messages.Add(message);
            }
        }

        return new PendingBatch(messages, corrupt);
    }

    public async Task<long> CountPendingAsync() => await Db.SortedSetLengthAsync(OutboxKeys.Pending(store.Keys));

    public async Task<long> CountParkedAsync() => await Db.SortedSetLengthAsync(OutboxKeys.Parked(store.Keys));

    /// <summary>When the oldest pending entry was written, or null when nothing is pending.</summary>
    public async Task<DateTimeOffset?> OldestPendingAsync()
    {
        var oldest = await Db.SortedSetRangeByRankWithScoresAsync(OutboxKeys.Pending(store.Keys), 0, 0);
        return oldest.Length == 0 ? null : DateTimeOffset.FromUnixTimeMilliseconds((long)(oldest[0].Score / 1000));
    }

    /// <summary>Removes a published entry, in one transaction.</summary>
    public async Task MarkDoneAsync(string id)
    {
        var tx = Db.CreateTransaction();
        _ = tx.SortedSetRemoveAsync(OutboxKeys.Pending(store.Keys), id);
        _ = tx.KeyDeleteAsync(OutboxKeys.Entry(store.Keys, id));
        await tx.ExecuteAsync();
    }

    /// <summary>Counts one refusal of a pending entry; returns how many it has had.</summary>
    public async Task<long> RecordRefusalAsync(string id, string reason)
    {
        var tx = Db.CreateTransaction();
        tx.AddCondition(Condition.SortedSetContains(OutboxKeys.Pending(store.Keys), id));
        var refusals = tx.HashIncrementAsync(OutboxKeys.Entry(store.Keys, id), "refusals");
        _ = tx.HashSetAsync(OutboxKeys.Entry(store.Keys, id), "reason", reason);
        return await tx.ExecuteAsync() ? await refusals : 0;
    }

    /// <summary>Moves a pending entry to the parked set with the reason; false when it was no longer pending.</summary>
    public async Task<bool> ParkAsync(string id, string reason, DateTimeOffset now)
    {
        var tx = Db.CreateTransaction();
        tx.AddCondition(Condition.SortedSetContains(OutboxKeys.Pending(store.Keys), id));
        _ = tx.SortedSetRemoveAsync(OutboxKeys.Pending(store.Keys), id);
        _ = tx.SortedSetAddAsync(OutboxKeys.Parked(store.Keys), id, now.ToUnixTimeMilliseconds());
        _ = tx.HashSetAsync(OutboxKeys.Entry(store.Keys, id), [new HashEntry("reason", reason), new HashEntry("parked", now.ToUnixTimeMilliseconds())]);
        return await tx.ExecuteAsync();
    }

    /// <summary>Whether <paramref name="id"/> is in the parked set.</summary>
    public async Task<bool> IsParkedAsync(string id) => (await Db.SortedSetScoreAsync(OutboxKeys.Parked(store.Keys), id)).HasValue;

    /// <summary>Parked entries, oldest parked first.</summary>
    public async Task<IReadOnlyList<ParkedEntry>> ListParkedAsync(int max)
    {
        var ids = await Db.SortedSetRangeByRankAsync(OutboxKeys.Parked(store.Keys), 0, max - 1);
        var entries = await Task.WhenAll(ids.Select(id => ReadEntryAsync(id!)));
        return ids.Zip(entries).Select(p =>
        {
            var map = (p.Second ?? []).ToDictionary(f => f.Name.ToString(), f => f.Value);
            return new ParkedEntry(
                p.First!,
                Text(map, "topic"),
                Text(map, "type"),
                Time(map, "created"),
                Time(map, "parked"),
                Text(map, "reason"),
                map.TryGetValue("refusals", out var r) && r.TryParse(out int refusals) ? refusals : 0);
        }).ToList();
    }

    /// <summary>
    /// Puts a parked entry back at the front of the pending queue (its original order) with its
    /// refusal count reset; false when no such parked entry exists. A corrupt entry stays parked.
    /// </summary>
    public async Task<bool> RequeueAsync(string id)
    {
        var key = OutboxKeys.Entry(store.Keys, id);
        var fields = await ReadEntryAsync(id);
        if (fields is null || Parse(id, fields) is null)
        {
            return false;
        }

        var created = (long)fields!.First(f => f.Name == "created").Value;
        var tx = Db.CreateTransaction();
        tx.AddCondition(Condition.SortedSetContains(OutboxKeys.Parked(store.Keys), id));
        _ = tx.SortedSetRemoveAsync(OutboxKeys.Parked(store.Keys), id);
        _ = tx.SortedSetAddAsync(OutboxKeys.Pending(store.Keys), id, created * 1000d);
        _ = tx.HashDeleteAsync(key, ["refusals", "reason", "parked"]);
        return await tx.ExecuteAsync();
    }

    /// <summary>Takes the lease, or keeps it when this holder has it; false while another holder has it.</summary>
    public async Task<bool> TryHoldLeaseAsync(string holder, TimeSpan duration)
    {
        var key = OutboxKeys.Lease(store.Keys);
        return await Db.LockExtendAsync(key, holder, duration) || await Db.LockTakeAsync(key, holder, duration);
    }

    /// <summary>Extends the lease only if this holder still has it.</summary>
    public Task<bool> RenewLeaseAsync(string holder, TimeSpan duration) => Db.LockExtendAsync(OutboxKeys.Lease(store.Keys), holder, duration);

    public Task ReleaseLeaseAsync(string holder) => Db.LockReleaseAsync(OutboxKeys.Lease(store.Keys), holder);

    /// <summary>An entry's fields, or null when its key holds something else than a hash (it cannot be read).</summary>
    private async Task<HashEntry[]?> ReadEntryAsync(string id)
    {
        try
        {
            return await Db.HashGetAllAsync(OutboxKeys.Entry(store.Keys, id));
        }
        catch (RedisServerException)
        {
            return null;
        }
    }

    private static OutboxMessage? Parse(string id, HashEntry[] fields)
    {
        var map = fields.ToDictionary(f => f.Name.ToString(), f => f.Value);
        if (Required.Any(name => !map.TryGetValue(name, out var value) || value.IsNullOrEmpty)
            || !map["created"].TryParse(out long created) || created is < 0 or > MaxUnixMilliseconds)
        {
            return null;
        }

        return new OutboxMessage(id, map["pubsub"]!, map["topic"]!, map["type"]!, map["json"]!, DateTimeOffset.FromUnixTimeMilliseconds(created))
        {
            TraceParent = map.TryGetValue("traceparent", out var tp) ? (string?)tp : null,
            TraceState = map.TryGetValue("tracestate", out var ts) ? (string?)ts : null,
            Refusals = map.TryGetValue("refusals", out var r) && r.TryParse(out int refusals) ? refusals : 0,
        };
    }

    private static string Text(Dictionary<string, RedisValue> map, string name) => map.TryGetValue(name, out var v) ? v.ToString() : "";

    private static DateTimeOffset Time(Dictionary<string, RedisValue> map, string name) =>
        map.TryGetValue(name, out var v) && v.TryParse(out long ms) && ms is >= 0 and <= MaxUnixMilliseconds ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : DateTimeOffset.UnixEpoch;

    /// <summary>The last millisecond a DateTimeOffset holds (9999-12-31).</summary>
    private const long MaxUnixMilliseconds = 253_402_300_799_999;
}
