using Accreditation.Sidecar.Tests.Support;
using Accreditation.TestSupport;
using Dapr.Client;
using StackExchange.Redis;
using Xunit.Abstractions;

namespace Accreditation.Sidecar.Tests.Integration;

/// <summary>
/// streamTTL trims topic streams by age, maxLenApprox by count, both with "~" as daprd does. This
/// class's own Redis keeps one entry per stream node (stream-node-max-entries 1), so approximate
/// trimming removes exactly the entries past the bound and the tests can count them.
/// </summary>
public sealed class StreamTrimmingTests(RedisFixture redis, ITestOutputHelper output) : IClassFixture<RedisFixture>, IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        await using var admin = await ConnectionMultiplexer.ConnectAsync($"{redis.ConnectionString},allowAdmin=true");
        foreach (var endpoint in admin.GetEndPoints())
        {
            await admin.GetServer(endpoint).ConfigSetAsync("stream-node-max-entries", "1");
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Publish_StreamTtlSet_EntriesOlderThanTtlTrimmedAndFreshOnesKept()
    {
        var topic = Names.Topic("ttl");
        var db = redis.Connection.GetDatabase();
        foreach (var oldId in new[] { "1000-0", "2000-0", "3000-0" })
        {
            await db.StreamAddAsync(topic, "data", "old", messageId: oldId);
        }

        var fresh = await db.StreamAddAsync(topic, "data", "fresh, unread");
        using var folder = ComponentFolder.Create(redis, new Dictionary<string, string> { ["streamTTL"] = "1h" });
        await using var sidecar = await SidecarHarness.StartAsync(SidecarHarness.OptionsFor(redis, Names.AppId("ttl"), null) with { ResourcesPath = folder.Path, RedisHost = null }, output);

        await StreamProbe.PublishAsync(sidecar, topic, """{"n":1}""", eventId: "evt-ttl");

        var entries = await db.StreamRangeAsync(topic);
        Assert.Equal(2, entries.Length);
        Assert.Equal(fresh, entries[0].Id);
        Assert.Contains("evt-ttl", entries[1]["data"].ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(sidecar.Logs.Entries, l => l.Message.Contains("maxLenApprox", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Publish_StreamTtlWithoutMaxLenApprox_NothingUnreadDroppedByCount()
    {
        var topic = Names.Topic("keep");
        await redis.Connection.GetDatabase().StreamCreateConsumerGroupAsync(topic, "never-reads", "0", createStream: true);
        using var folder = ComponentFolder.Create(redis, new Dictionary<string, string> { ["streamTTL"] = "1h" });
        await using var sidecar = await SidecarHarness.StartAsync(SidecarHarness.OptionsFor(redis, Names.AppId("keep"), null) with { ResourcesPath = folder.Path, RedisHost = null }, output);

        await PublishManyAsync(sidecar, topic, 60);

        Assert.Equal(60, await StreamProbe.LengthAsync(redis.Connection, topic));
    }

    [Fact]
    public async Task Publish_MaxLenApprox_TrimsByCountAndIsWarnedAbout()
    {
        var topic = Names.Topic("maxlen");
        using var folder = ComponentFolder.Create(redis, new Dictionary<string, string> { ["maxLenApprox"] = "10", ["streamTTL"] = "1h" });
        await using var sidecar = await SidecarHarness.StartAsync(SidecarHarness.OptionsFor(redis, Names.AppId("maxlen"), null) with { ResourcesPath = folder.Path, RedisHost = null }, output);

        await PublishManyAsync(sidecar, topic, 60);

        Assert.Equal(10, await StreamProbe.LengthAsync(redis.Connection, topic));
        Assert.Contains(sidecar.Logs.Entries, l => l.EventName == "ResourceWarning" && l.Message.Contains("maxLenApprox is applied", StringComparison.Ordinal));
    }

    private static async Task PublishManyAsync(SidecarHarness sidecar, string topic, int count)
    {
        using var client = new DaprClientBuilder().UseGrpcEndpoint(sidecar.GrpcEndpoint).Build();
        var response = await client.BulkPublishEventAsync("pubsub", topic, Enumerable.Range(1, count).Select(i => new { n = i }).ToList());
        Assert.Empty(response.FailedEntries);
    }
}
