using Accreditation.BuildingBlocks.Errors;
using Accreditation.BuildingBlocks.Outbox;
using Accreditation.TestSupport;
using Grpc.Core;

namespace Accreditation.Enrolment.Tests.Api;

/// <summary>Starts a fresh Enrolment host (own key prefix) for every test.</summary>
public abstract class ApiTestBase(RedisFixture redis) : IAsyncLifetime
{
    protected RedisFixture Redis { get; } = redis;

    protected ServiceTestHost Host { get; private set; } = null!;

    protected virtual IDictionary<string, string?>? Settings => null;

    public async Task InitializeAsync() =>
        Host = await EnrolmentTestHost.StartAsync(Redis, RedisFixture.NewKeyPrefix(GetType().Name), settings: Settings);

    public async Task DisposeAsync() => await Host.DisposeAsync();

    /// <summary>Waits until the outbox has handed <paramref name="count"/> events for <paramref name="topic"/> to the sidecar.</summary>
    protected Task<IReadOnlyList<OutboxMessage>> PublishedAsync(string topic, int count) =>
        Eventually.WaitForAsync(
            () => Task.FromResult(Host.Transport.PublishedTo(topic)),
            published => published.Count >= count,
            $"{count} events on {topic}");
}
