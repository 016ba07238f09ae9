using Accreditation.BuildingBlocks.Redis;
using StackExchange.Redis;

namespace Accreditation.BuildingBlocks.Outbox;

/// <summary>Reads pending outbox entries and marks them done once the sidecar accepted them.</summary>
public sealed class OutboxStore(RedisStore store)
{
    /// <summary>The oldest pending entries, at most <paramref name="count"/>.</summary>
    public async Task<IReadOnlyList<OutboxMessage>> ReadPendingAsync(int count)
    {
        var db = store.Database;
        var ids = await db.SortedSetRangeByRankAsync(OutboxKeys.Pending(store.Keys), 0, count - 1);
        var messages = new List<OutboxMessage>(ids.Length);
        foreach (var id in ids)
        {
            var fields = await db.HashGetAllAsync(OutboxKeys.Entry(store.Keys, id!));
            if (fields.Length == 0)
            {
                // Entry body gone (should not happen): drop the dangling id so it cannot block the queue.
                await db.SortedSetRemoveAsync(OutboxKeys.Pending(store.Keys), id);
                continue;
            }

            var map = fields.ToDictionary(f => f.Name.ToString(), f => f.Value);
            messages.Add(new OutboxMessage(
                id!,
                map["pubsub"]!,
                map["topic"]!,
                map["type"]!,
                map["json"]!,
                DateTimeOffset.FromUnixTimeMilliseconds((long)map["created"])));
        }

        return messages;
    }

    public async Task<long> CountPendingAsync() => await store.Database.SortedSetLengthAsync(OutboxKeys.Pending(store.Keys));

    /// <summary>Removes a published entry, in one transaction.</summary>
    public async Task MarkDoneAsync(string id)
    {
        var tx = store.Database.CreateTransaction();
        _ = tx.SortedSetRemoveAsync(OutboxKeys.Pending(store.Keys), id);
        _ = tx.KeyDeleteAsync(OutboxKeys.Entry(store.Keys, id));
        await tx.ExecuteAsync();
    }

    /// <summary>Takes or renews the dispatcher lease; false while another replica holds it.</summary>
    public async Task<bool> TryHoldLeaseAsync(string holder, TimeSpan duration)
    {
        var key = OutboxKeys.Lease(store.Keys);
        return await store.Database.LockExtendAsync(key, holder, duration)
            || await store.Database.LockTakeAsync(key, holder, duration);
    }

    public Task ReleaseLeaseAsync(string holder) => store.Database.LockReleaseAsync(OutboxKeys.Lease(store.Keys), holder);
}
