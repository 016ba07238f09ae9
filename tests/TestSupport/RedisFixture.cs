using StackExchange.Redis;
using Testcontainers.Redis;
using Xunit;

namespace Accreditation.TestSupport;

/// <summary>
/// A real Redis for a test class or collection: a Testcontainers container where a Docker engine
/// answers, otherwise a redis-server process on a free loopback port. Tests isolate themselves
/// with <see cref="NewKeyPrefix"/> so they never see each other's keys.
/// </summary>
public sealed class RedisFixture : IAsyncLifetime
{
    private RedisContainer? _container;
    private RedisProcess? _process;

    public string ConnectionString { get; private set; } = "";

    public IConnectionMultiplexer Connection { get; private set; } = null!;

    /// <summary>How the server was started, for diagnostics: "container" or "process".</summary>
    public string Mode { get; private set; } = "";

    public static string NewKeyPrefix(string test) => $"t:{test}:{Guid.NewGuid():N}:";

    public async Task InitializeAsync()
    {
        if (DockerEngine.Answers())
        {
            _container = new RedisBuilder("redis:7.2-alpine").Build();
            await _container.StartAsync();
            ConnectionString = _container.GetConnectionString();
            Mode = "container";
        }
        else
        {
            _process = await RedisProcess.StartAsync();
            ConnectionString = _process.ConnectionString;
            Mode = "process";
        }

        Connection = await ConnectionMultiplexer.ConnectAsync(ConnectionString);
    }

    public async Task DisposeAsync()
    {
        if (Connection is not null)
        {
            await Connection.DisposeAsync();
        }

        if (_container is not null)
        {
            await _container.DisposeAsync();
        }

        if (_process is not null)
        {
            await _process.DisposeAsync();
        }
    }
}
