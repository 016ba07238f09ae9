using System.Net;
using System.Text.Json;
using Accreditation.Sidecar.Tests.Support;
using Accreditation.TestSupport;
using Dapr;
using Dapr.Client;
using Xunit.Abstractions;

namespace Accreditation.Sidecar.Tests.Integration;

/// <summary>publishingScopes, subscriptionScopes and allowedTopics of the pubsub component, enforced as daprd enforces them.</summary>
public sealed class ScopesTests(RedisFixture redis, ITestOutputHelper output) : IClassFixture<RedisFixture>
{
    [Fact]
    public async Task HttpPublish_TopicOutsideItsPublishingScopes_ForbiddenAndNothingWritten()
    {
        var appId = Names.AppId("pub");
        var allowed = Names.Topic("allowed");
        var other = Names.Topic("other");
        using var folder = ComponentFolder.Create(redis, new Dictionary<string, string> { ["publishingScopes"] = $"{appId}={allowed};someone-else={other}" });
        await using var sidecar = await StartAsync(appId, folder, appPort: null);
        using var http = new HttpClient { BaseAddress = sidecar.HttpEndpoint };

        using var refused = await http.PostAsync(new Uri($"/v1.0/publish/pubsub/{other}", UriKind.Relative), new StringContent("{}"));
        using var accepted = await http.PostAsync(new Uri($"/v1.0/publish/pubsub/{allowed}", UriKind.Relative), new StringContent("{}"));

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        using var error = JsonDocument.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Equal("ERR_PUBSUB_FORBIDDEN", error.RootElement.GetProperty("errorCode").GetString());
        Assert.Equal($"topic {other} is not allowed for app id {appId}", error.RootElement.GetProperty("message").GetString());
        Assert.False(await redis.Connection.GetDatabase().KeyExistsAsync(other));
        Assert.Equal(HttpStatusCode.NoContent, accepted.StatusCode);
        Assert.Equal(1, await StreamProbe.LengthAsync(redis.Connection, allowed));
    }

    [Fact]
    public async Task GrpcPublishAndBulkPublish_TopicOutsideItsPublishingScopes_PermissionDeniedAndNothingWritten()
    {
        var appId = Names.AppId("pub");
        var other = Names.Topic("other");
        using var folder = ComponentFolder.Create(redis, new Dictionary<string, string> { ["publishingScopes"] = $"{appId}=only-this" });
        await using var sidecar = await StartAsync(appId, folder, appPort: null);
        using var client = new DaprClientBuilder().UseGrpcEndpoint(sidecar.GrpcEndpoint).Build();

        var single = await Assert.ThrowsAsync<DaprException>(() => client.PublishEventAsync("pubsub", other, new { a = 1 }));
        var bulk = await Assert.ThrowsAsync<DaprException>(() => client.BulkPublishEventAsync("pubsub", other, new List<string> { "one", "two" }));

        Assert.Equal(Grpc.Core.StatusCode.PermissionDenied, Assert.IsType<Grpc.Core.RpcException>(single.InnerException).StatusCode);
        Assert.Equal(Grpc.Core.StatusCode.PermissionDenied, Assert.IsType<Grpc.Core.RpcException>(bulk.InnerException).StatusCode);
        Assert.False(await redis.Connection.GetDatabase().KeyExistsAsync(other));
    }

    [Fact]
    public async Task HttpPublish_AppNotNamedInPublishingScopes_Unrestricted()
    {
        var topic = Names.Topic("free");
        using var folder = ComponentFolder.Create(redis, new Dictionary<string, string> { ["publishingScopes"] = "some-other-app=x;third-app=" });
        await using var sidecar = await StartAsync(Names.AppId("free"), folder, appPort: null);

        await StreamProbe.PublishAsync(sidecar, topic, "{}");

        Assert.Equal(1, await StreamProbe.LengthAsync(redis.Connection, topic));
    }

    [Fact]
    public async Task HttpPublish_TopicOutsideAllowedTopics_Forbidden()
    {
        var allowed = Names.Topic("listed");
        var other = Names.Topic("unlisted");
        using var folder = ComponentFolder.Create(redis, new Dictionary<string, string> { ["allowedTopics"] = $"{allowed},another" });
        await using var sidecar = await StartAsync(Names.AppId("allowed"), folder, appPort: null);
        using var http = new HttpClient { BaseAddress = sidecar.HttpEndpoint };

        using var refused = await http.PostAsync(new Uri($"/v1.0/publish/pubsub/{other}", UriKind.Relative), new StringContent("{}"));
        await StreamProbe.PublishAsync(sidecar, allowed, "{}");

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.False(await redis.Connection.GetDatabase().KeyExistsAsync(other));
    }

    [Fact]
    public async Task Subscribe_TopicOutsideSubscriptionScopes_NoConsumerGroupAndNothingDelivered()
    {
        var appId = Names.AppId("sub");
        var allowed = Names.Topic("allowed");
        var forbidden = Names.Topic("forbidden");
        using var folder = ComponentFolder.Create(redis, new Dictionary<string, string> { ["subscriptionScopes"] = $"{appId}={allowed}" });
        await using var app = await FakeApp.StartAsync(
            Names.Combine(Names.Subscriptions(allowed, "/allowed"), Names.Subscriptions(forbidden, "/forbidden")),
            _ => AppAnswer.Success);
        await using var publisher = await SidecarHarness.StartAsync(SidecarHarness.OptionsFor(redis, Names.AppId("pub"), null), output);
        await StreamProbe.PublishAsync(publisher, forbidden, """{"n":1}""", eventId: "evt-forbidden");

        await using var sidecar = await StartAsync(appId, folder, app.Port);
        await StreamProbe.PublishAsync(publisher, allowed, """{"n":2}""", eventId: "evt-allowed");

        await StreamProbe.WaitUntilSettledAsync(redis.Connection, allowed, appId);
        Assert.DoesNotContain(await redis.Connection.GetDatabase().StreamGroupInfoAsync(forbidden), g => g.Name == appId);
        Assert.Equal(["evt-allowed"], app.Received.Select(r => r.EventId));
        Assert.Equal(1, sidecar.Logs.Count("SubscriptionForbidden"));
        using var http = new HttpClient { BaseAddress = sidecar.HttpEndpoint };
        using var metadata = JsonDocument.Parse(await http.GetStringAsync(new Uri("/v1.0/metadata", UriKind.Relative)));
        Assert.Equal([allowed], metadata.RootElement.GetProperty("subscriptions").EnumerateArray().Select(s => s.GetProperty("topic").GetString()));
    }

    [Fact]
    public async Task DeadLetter_TopicOutsideSubscriberPublishingScopes_RefusedAndEntryLeftPending()
    {
        var appId = Names.AppId("dlt");
        var topic = Names.Topic("dlt");
        var deadLetter = $"{appId}.{topic}.deadletter";
        using var folder = ComponentFolder.Create(redis, new Dictionary<string, string> { ["publishingScopes"] = $"{appId}={topic}" });
        await using var app = await FakeApp.StartAsync(Names.Subscriptions(topic, "/on-event", deadLetter), _ => AppAnswer.Drop);
        await using var sidecar = await StartAsync(appId, folder, app.Port);

        await StreamProbe.PublishAsync(sidecar, topic, """{"n":1}""", eventId: "evt-dlt");

        await Eventually.WaitUntilAsync(() => sidecar.Logs.Count("DeadLetterForbidden") >= 1, "the dead letter to be refused");
        Assert.Equal(1, sidecar.Logs.Count("DeadLetterTopicForbidden"));
        Assert.False(await redis.Connection.GetDatabase().KeyExistsAsync(deadLetter));
        Assert.Equal(1, await StreamProbe.PendingAsync(redis.Connection, topic, appId));
    }

    [Fact]
    public async Task DeadLetter_TopicInsideSubscriberPublishingScopes_DeadLettered()
    {
        var appId = Names.AppId("dlt");
        var topic = Names.Topic("dlt");
        var deadLetter = $"{appId}.{topic}.deadletter";
        using var folder = ComponentFolder.Create(redis, new Dictionary<string, string> { ["publishingScopes"] = $"{appId}={topic},{deadLetter}" });
        await using var app = await FakeApp.StartAsync(Names.Subscriptions(topic, "/on-event", deadLetter), _ => AppAnswer.Drop);
        await using var sidecar = await StartAsync(appId, folder, app.Port);

        await StreamProbe.PublishAsync(sidecar, topic, """{"n":1}""", eventId: "evt-dlt");

        await StreamProbe.WaitUntilSettledAsync(redis.Connection, topic, appId);
        Assert.Equal(1, await StreamProbe.LengthAsync(redis.Connection, deadLetter));
        Assert.Equal(0, sidecar.Logs.Count("DeadLetterTopicForbidden"));
    }

    private Task<SidecarHarness> StartAsync(string appId, ComponentFolder folder, int? appPort) =>
        SidecarHarness.StartAsync(SidecarHarness.OptionsFor(redis, appId, appPort) with { ResourcesPath = folder.Path, RedisHost = null }, output);
}
