using Accreditation.BuildingBlocks.Redis;
using StackExchange.Redis;

namespace Accreditation.BuildingBlocks.Outbox;

/// <summary>Where the outbox lives in the service's store.</summary>
internal static class OutboxKeys
{
    /// <summary>Sorted set of pending entry ids, scored by enqueue time (ms).</summary>
    public static RedisKey Pending(RedisKeys keys) => keys.Key("outbox", "pending");

    /// <summary>Hash holding one entry.</summary>
    public static RedisKey Entry(RedisKeys keys, string id) => keys.Key("outbox", "entry", id);

    /// <summary>Lease held by the one dispatcher (of all replicas) that publishes.</summary>
    public static RedisKey Lease(RedisKeys keys) => keys.Key("outbox", "lease");
}
