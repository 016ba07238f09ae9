using System.Net;
using System.Text;
using System.Text.Json;
using Accreditation.Sidecar.Tests.Support;
using Accreditation.TestSupport;
using Xunit.Abstractions;

namespace Accreditation.Sidecar.Tests.Integration;

/// <summary>The HTTP publish API, the stored layout shared with daprd, and what subscribers receive.</summary>
public sealed class PublishApiTests(RedisFixture redis, ITestOutputHelper output) : IClassFixture<RedisFixture>
{
    [Fact]
    public async Task HttpPublish_JsonBody_StoredInDataFieldAsCloudEventWithMetadataField()
    {
        var topic = Names.Topic("layout");
        await using var sidecar = await SidecarHarness.StartAsync(SidecarHarness.OptionsFor(redis, Names.AppId("layout"), null), output);

        await StreamProbe.PublishAsync(sidecar, topic, """{"n":42}""", eventId: "evt-layout");

        var entry = Assert.Single(await redis.Connection.GetDatabase().StreamRangeAsync(topic));
        Assert.Equal(["data", "metadata"], entry.Values.Select(v => v.Name.ToString()));
        using var cloudEvent = JsonDocument.Parse((byte[])entry["data"]!);
        var root = cloudEvent.RootElement;
        Assert.Equal("evt-layout", root.GetProperty("id").GetString());
        Assert.Equal(sidecar.Options.AppId, root.GetProperty("source").GetString());
        Assert.Equal("com.dapr.event.sent", root.GetProperty("type").GetString());
        Assert.Equal("1.0", root.GetProperty("specversion").GetString());
        Assert.Equal(42, root.GetProperty("data").GetProperty("n").GetInt32());
        Assert.Equal(topic, root.GetProperty("topic").GetString());
        Assert.Equal("pubsub", root.GetProperty("pubsubname").GetString());
        Assert.StartsWith("00-", root.GetProperty("traceparent").GetString(), StringComparison.Ordinal);
        using var metadata = JsonDocument.Parse(entry["metadata"].ToString());
        Assert.Equal("evt-layout", metadata.RootElement.GetProperty("cloudevent.id").GetString());
    }

    [Fact]
    public async Task Subscribe_EntriesPublishedBeforeTheGroupExisted_Delivered()
    {
        var topic = Names.Topic("early");
        await using var publisher = await SidecarHarness.StartAsync(SidecarHarness.OptionsFor(redis, Names.AppId("pub"), null), output);
        await StreamProbe.PublishAsync(publisher, topic, """{"n":1}""", eventId: "evt-early");
        await using var app = await FakeApp.StartAsync(Names.Subscriptions(topic, "/on-event"), _ => AppAnswer.Success);

        await using var subscriber = await SidecarHarness.StartAsync(SidecarHarness.OptionsFor(redis, Names.AppId("sub"), app.Port), output);

        await StreamProbe.WaitUntilSettledAsync(redis.Connection, topic, subscriber.Options.AppId);
        Assert.Equal(["evt-early"], app.DistinctEventIds);
    }

    [Fact]
    public async Task HttpPublish_CloudEventContentType_EnvelopeKeptWithTopicAndPubSubFilled()
    {
        var topic = Names.Topic("ce");
        await using var app = await FakeApp.StartAsync(Names.Subscriptions(topic, "/on-event"), _ => AppAnswer.Success);
        await using var sidecar = await SidecarHarness.StartAsync(SidecarHarness.OptionsFor(redis, Names.AppId("ce"), app.Port), output);
        const string envelope = """{"specversion":"1.0","id":"own-id","source":"elsewhere","type":"own.type","datacontenttype":"application/json","data":{"x":1}}""";

        await StreamProbe.PublishAsync(sidecar, topic, envelope, contentType: "application/cloudevents+json");

        await StreamProbe.WaitUntilSettledAsync(redis.Connection, topic, sidecar.Options.AppId);
        Assert.Equal(["own-id"], app.DistinctEventIds);
        using var delivered = JsonDocument.Parse(app.Received[0].Body);
        var root = delivered.RootElement;
        Assert.Equal("own-id", root.GetProperty("id").GetString());
        Assert.Equal("elsewhere", root.GetProperty("source").GetString());
        Assert.Equal("own.type", root.GetProperty("type").GetString());
        Assert.Equal(1, root.GetProperty("data").GetProperty("x").GetInt32());
        Assert.Equal(topic, root.GetProperty("topic").GetString());
        Assert.Equal("pubsub", root.GetProperty("pubsubname").GetString());
    }

    [Fact]
    public async Task RawPayload_PublishedRawAndSubscribedRaw_AppGetsBytesAsDataBase64()
    {
        var topic = Names.Topic("raw");
        await using var app = await FakeApp.StartAsync(Names.Subscriptions(topic, "/raw", rawPayload: true), _ => AppAnswer.Success);
        await using var sidecar = await SidecarHarness.StartAsync(SidecarHarness.OptionsFor(redis, Names.AppId("raw"), app.Port), output);

        await StreamProbe.PublishAsync(sidecar, topic, "plain bytes", contentType: "text/plain", query: "metadata.rawPayload=true");

        await StreamProbe.WaitUntilSettledAsync(redis.Connection, topic, sidecar.Options.AppId);
        var stored = Assert.Single(await redis.Connection.GetDatabase().StreamRangeAsync(topic));
        Assert.Equal("plain bytes", stored["data"].ToString());
        // A raw entry gets a new CloudEvent id on every delivery (as in daprd), so compare what was delivered.
        Assert.All(app.Received, r =>
        {
            using var delivered = JsonDocument.Parse(r.Body);
            Assert.Equal("plain bytes", Encoding.UTF8.GetString(delivered.RootElement.GetProperty("data_base64").GetBytesFromBase64()));
        });
        Assert.NotEmpty(app.Received);
    }

    [Fact]
    public async Task HttpPublish_UnknownPubSub_NotFound()
    {
        await using var sidecar = await SidecarHarness.StartAsync(SidecarHarness.OptionsFor(redis, Names.AppId("nf"), null), output);
        using var http = new HttpClient { BaseAddress = sidecar.HttpEndpoint };

        using var response = await http.PostAsync(new Uri("/v1.0/publish/other/t", UriKind.Relative), new StringContent("{}"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("ERR_PUBSUB_NOT_FOUND", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResourcesPath_ComponentYaml_UsesItsNameRedisHostAndTimings()
    {
        var folder = Directory.CreateTempSubdirectory("sidecar-components-");
        try
        {
            var topic = Names.Topic("yaml");
            await File.WriteAllTextAsync(Path.Combine(folder.FullName, "pubsub.yaml"), $"""
                apiVersion: dapr.io/v1alpha1
                kind: Component
                metadata:
                  name: events
                spec:
                  type: pubsub.redis
                  version: v1
                  metadata:
                  - name: redisHost
                    value: "{redis.ConnectionString}"
                  - name: redisPassword
                    value: ""
                  - name: processingTimeout
                    value: 1s
                  - name: redeliverInterval
                    value: 200ms
                """);
            await using var app = await FakeApp.StartAsync(Names.Subscriptions(topic, "/on-event", pubsub: "events"), _ => AppAnswer.Success);
            var options = SidecarHarness.OptionsFor(redis, Names.AppId("yaml"), app.Port) with
            {
                ResourcesPath = folder.FullName,
                RedisHost = null,
                ProcessingTimeout = null,
                RedeliverInterval = null,
            };
            await using var sidecar = await SidecarHarness.StartAsync(options, output);

            await StreamProbe.PublishAsync(sidecar, topic, """{"n":1}""", pubsub: "events");

            await StreamProbe.WaitUntilSettledAsync(redis.Connection, topic, sidecar.Options.AppId);
            Assert.Single(app.DistinctEventIds);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
