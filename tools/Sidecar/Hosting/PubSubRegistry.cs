using Accreditation.Sidecar.Broker;
using Accreditation.Sidecar.Components;
using StackExchange.Redis;

namespace Accreditation.Sidecar.Hosting;

/// <summary>The pub/sub components this instance serves, by name, each with its Redis connection.</summary>
public sealed class PubSubRegistry : IAsyncDisposable
{
    private readonly Dictionary<string, RedisStreamBroker> _brokers;
    private readonly List<IConnectionMultiplexer> _connections = [];

    public PubSubRegistry(IReadOnlyList<PubSubComponent> components)
    {
        ArgumentNullException.ThrowIfNull(components);
        _brokers = new Dictionary<string, RedisStreamBroker>(StringComparer.Ordinal);
        var byConfiguration = new Dictionary<string, IConnectionMultiplexer>(StringComparer.Ordinal);
        foreach (var component in components)
        {
            var configuration = component.ToRedisConfiguration();
            if (!byConfiguration.TryGetValue(configuration, out var connection))
            {
                connection = ConnectionMultiplexer.Connect(configuration);
                byConfiguration[configuration] = connection;
                _connections.Add(connection);
            }

            _brokers[component.Name] = new RedisStreamBroker(component, connection);
        }
    }

    public IReadOnlyCollection<RedisStreamBroker> All => _brokers.Values;

    public RedisStreamBroker? Find(string name) => _brokers.GetValueOrDefault(name);

    public async Task<bool> AllReachableAsync()
    {
        foreach (var broker in _brokers.Values)
        {
            if (!await broker.PingAsync())
            {
                return false;
            }
        }

        return true;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in _connections)
        {
            await connection.DisposeAsync();
        }
    }
}
