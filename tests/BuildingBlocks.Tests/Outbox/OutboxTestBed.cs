using Accreditation.BuildingBlocks.Outbox;
using Accreditation.BuildingBlocks.Redis;
using Accreditation.Contracts.Common.V1;
using Accreditation.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Accreditation.BuildingBlocks.Tests.Outbox;

/// <summary>An outbox on its own key prefix with a recording transport and fast retries.</summary>
internal sealed class OutboxTestBed : IDisposable
{
    public OutboxTestBed(RedisFixture redis, string test, int maxRetryAttempts = 4, TimeSpan? leaseDuration = null, StackExchange.Redis.IConnectionMultiplexer? connection = null)
    {
        Store = new RedisStore(connection ?? redis.Connection, new RedisKeys(RedisFixture.NewKeyPrefix(test)));
        Options = Microsoft.Extensions.Options.Options.Create(new OutboxOptions
        {
            MaxRetryAttempts = maxRetryAttempts,
            RetryBaseDelay = TimeSpan.FromMilliseconds(1),
            PollInterval = TimeSpan.FromMilliseconds(50),
            CircuitMinimumThroughput = 100,
            MaxRefusals = 3,
            LeaseDuration = leaseDuration ?? TimeSpan.FromSeconds(6),
        });
        Writer = new OutboxWriter(Store.Keys, Signal);
        OutboxStore = new OutboxStore(Store);
    }

    public RedisStore Store { get; }

    public IOptions<OutboxOptions> Options { get; }

    public OutboxSignal Signal { get; } = new();

    public OutboxWriter Writer { get; }

    public OutboxStore OutboxStore { get; }

    public RecordingTransport Transport { get; } = new();

    public OutboxMetrics Metrics { get; } = new(new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>());

    public OutboxDispatcher NewDispatcher(RecordingTransport? transport = null) =>
        new(OutboxStore, transport ?? Transport, Signal, Options, TimeProvider.System, Metrics, NullLogger<OutboxDispatcher>.Instance);

    /// <summary>Commits <paramref name="count"/> entries in one transaction together with a state key.</summary>
    public async Task<List<OutboxMessage>> CommitAsync(int count, string stateKey = "state", string topic = "test.topic")
    {
        var tx = Store.Database.CreateTransaction();
        _ = tx.StringSetAsync(Store.Keys.Key(stateKey), "changed");
        var messages = Enumerable.Range(0, count)
            .Select(i => OutboxMessage.For("pubsub", topic, Guid.NewGuid().ToString(), new LocalAuthorityRef { GssCode = $"E0{i}" }, DateTimeOffset.UtcNow))
            .ToList();
        foreach (var message in messages)
        {
            Writer.Enqueue(tx, message);
        }

        Assert.True(await tx.ExecuteAsync());
        return messages;
    }

    public void Dispose()
    {
        Signal.Dispose();
        Metrics.Dispose();
    }
}
