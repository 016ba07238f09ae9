using StackExchange.Redis;

namespace Accreditation.BuildingBlocks.Redis;

/// <summary>The service's own Redis database together with its key conventions.</summary>
public sealed class RedisStore(IConnectionMultiplexer connection, RedisKeys keys)
{
    public IConnectionMultiplexer Connection { get; } = connection;

    public RedisKeys Keys { get; } = keys;

    public IDatabase Database => Connection.GetDatabase();
}
