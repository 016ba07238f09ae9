using StackExchange.Redis;

namespace Accreditation.Cli.DeadLetters;

/// <summary>Finds the dead-letter streams on the broker (SCAN for <c>*.deadletter</c> keys that are streams) and counts their messages.</summary>
public sealed class DeadLetterCatalog(IConnectionMultiplexer broker)
{
    public async Task<IReadOnlyList<DeadLetterBacklog>> ListAsync(CancellationToken cancellationToken = default)
    {
        var db = broker.GetDatabase();
        var keys = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var server in broker.GetServers().Where(s => s.IsConnected && !s.IsReplica))
        {
            await foreach (var key in server.KeysAsync(db.Database, "*" + DeadLetterTopic.Suffix, pageSize: 500).WithCancellation(cancellationToken))
            {
                keys.Add(key.ToString());
            }
        }

        var streams = new List<DeadLetterBacklog>();
        foreach (var key in keys)
        {
            if (DeadLetterTopic.TryParse(key, out var app, out var topic) && await db.KeyTypeAsync(key) == RedisType.Stream)
            {
                streams.Add(new DeadLetterBacklog(key, app, topic, await db.StreamLengthAsync(key)));
            }
        }

        return streams;
    }
}
