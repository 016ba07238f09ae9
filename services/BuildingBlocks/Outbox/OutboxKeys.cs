using Accreditation.BuildingBlocks.Redis;
using StackExchange.Redis;

namespace Accreditation.BuildingBlocks.Outbox;

/// <summary>Where the outbox lives in the service's store.</summary>
internal static class OutboxKeys
{
    /// <summary>Sorted set of pending entry ids, scored by enqueue time (ms x 1000 + sequence).</summary>
    public static RedisKey Pending(RedisKeys keys) => keys.Key("outbox", "pending");

    /// <summary>Sorted set of parked entry ids (refused for good or corrupt), scored by the time they were parked (ms).</summary>
    public static RedisKey Parked(RedisKeys keys) => keys.Key("outbox", "parked");

    /// <summary>Hash holding one entry (pending or parked).</summary>
    public static RedisKey Entry(RedisKeys keys, string id) => keys.Key("outbox", "entry", id);

    /// <summary>Lease held by the one dispatcher (of all replicas) that publishes.</summary>
    public static RedisKey Lease(RedisKeys keys) => keys.Key("outbox", "lease");
}
