using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Accreditation.Sidecar.Tests.Support;
using Accreditation.TestSupport;
using Google.Protobuf;
using Grpc.Net.Client;
using Xunit.Abstractions;
using GrpcDapr = Dapr.Client.Autogen.Grpc.v1;

namespace Accreditation.Sidecar.Tests.Integration;

/// <summary>W3C trace context from the publish call into the CloudEvent, and from the CloudEvent to the app.</summary>
public sealed class TracingTests(RedisFixture redis, ITestOutputHelper output) : IClassFixture<RedisFixture>
{
    private const string TraceParent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
    private const string TraceState = "congo=t61rcWkgMzE,rojo=00f067aa0ba902b7";

    [Fact]
    public async Task HttpPublish_TraceHeaders_WrittenIntoCloudEventAndSentToTheApp()
    {
        var topic = Names.Topic("trace");
        await using var app = await FakeApp.StartAsync(Names.Subscriptions(topic, "/on-event"), _ => AppAnswer.Success);
        await using var sidecar = await SidecarHarness.StartAsync(SidecarHarness.OptionsFor(redis, Names.AppId("trace"), app.Port), output);

        await HttpPublishAsync(sidecar, topic, TraceParent, TraceState);

        await StreamProbe.WaitUntilSettledAsync(redis.Connection, topic, sidecar.Options.AppId);
        var stored = await StoredEventAsync(topic);
        Assert.Equal(TraceParent, stored.GetProperty("traceparent").GetString());
        Assert.Equal(TraceParent, stored.GetProperty("traceid").GetString());
        Assert.Equal(TraceState, stored.GetProperty("tracestate").GetString());
        Assert.All(app.Received, r =>
        {
            Assert.Equal(TraceParent, r.Header("traceparent"));
            Assert.Equal(TraceState, r.Header("tracestate"));
        });
        Assert.NotEmpty(app.Received);
    }

    [Fact]
    public async Task GrpcPublish_TraceHeaders_WrittenIntoCloudEvent()
    {
        var topic = Names.Topic("trace");
        await using var sidecar = await SidecarHarness.StartAsync(SidecarHarness.OptionsFor(redis, Names.AppId("trace"), null), output);

        await GrpcPublishAsync(sidecar, topic, new Dictionary<string, string>());

        var stored = await StoredEventAsync(topic);
        Assert.Equal(TraceParent, stored.GetProperty("traceparent").GetString());
        Assert.Equal(TraceParent, stored.GetProperty("traceid").GetString());
        Assert.Equal(TraceState, stored.GetProperty("tracestate").GetString());
    }

    [Fact]
    public async Task GrpcPublish_TraceMetadataOverrides_WinOverTheCallsHeaders()
    {
        const string overridden = "00-11111111111111111111111111111111-2222222222222222-01";
        var topic = Names.Topic("trace");
        await using var sidecar = await SidecarHarness.StartAsync(SidecarHarness.OptionsFor(redis, Names.AppId("trace"), null), output);

        await GrpcPublishAsync(sidecar, topic, new Dictionary<string, string> { ["cloudevent.traceparent"] = overridden, ["cloudevent.tracestate"] = "over=ride" });

        var stored = await StoredEventAsync(topic);
        Assert.Equal(overridden, stored.GetProperty("traceparent").GetString());
        Assert.Equal(overridden, stored.GetProperty("traceid").GetString());
        Assert.Equal("over=ride", stored.GetProperty("tracestate").GetString());
    }

    [Fact]
    public async Task HttpPublish_InvalidTraceparentHeader_NewTraceStartedWithoutTheTracestate()
    {
        var topic = Names.Topic("trace");
        await using var sidecar = await SidecarHarness.StartAsync(SidecarHarness.OptionsFor(redis, Names.AppId("trace"), null), output);

        await HttpPublishAsync(sidecar, topic, "not-a-traceparent", TraceState);

        var stored = await StoredEventAsync(topic);
        var traceParent = stored.GetProperty("traceparent").GetString();
        Assert.Matches("^00-[0-9a-f]{32}-[0-9a-f]{16}-01$", traceParent);
        Assert.Equal("", stored.GetProperty("tracestate").GetString());
    }

    [Fact]
    public async Task RawPayload_TraceHeaders_KeptInEntryMetadataAndSentToTheApp()
    {
        var topic = Names.Topic("rawtrace");
        await using var app = await FakeApp.StartAsync(Names.Subscriptions(topic, "/raw", rawPayload: true), _ => AppAnswer.Success);
        await using var sidecar = await SidecarHarness.StartAsync(SidecarHarness.OptionsFor(redis, Names.AppId("rawtrace"), app.Port), output);

        await HttpPublishAsync(sidecar, topic, TraceParent, TraceState, "?metadata.rawPayload=true");

        await StreamProbe.WaitUntilSettledAsync(redis.Connection, topic, sidecar.Options.AppId);
        var entry = Assert.Single(await redis.Connection.GetDatabase().StreamRangeAsync(topic));
        using var metadata = JsonDocument.Parse(entry["metadata"].ToString());
        Assert.Equal(TraceParent, metadata.RootElement.GetProperty("traceid").GetString());
        Assert.Equal(TraceState, metadata.RootElement.GetProperty("tracestate").GetString());
        Assert.All(app.Received, r =>
        {
            Assert.Equal(TraceParent, r.Header("traceparent"));
            Assert.Equal(TraceState, r.Header("tracestate"));
            using var delivered = JsonDocument.Parse(r.Body);
            Assert.Equal(TraceParent, delivered.RootElement.GetProperty("traceid").GetString());
        });
        Assert.NotEmpty(app.Received);
    }

    private static async Task HttpPublishAsync(SidecarHarness sidecar, string topic, string traceParent, string traceState, string query = "")
    {
        using var http = new HttpClient { BaseAddress = sidecar.HttpEndpoint };
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/v1.0/publish/pubsub/{topic}{query}")
        {
            Content = new StringContent("""{"n":1}""", new MediaTypeHeaderValue("application/json")),
        };
        request.Headers.TryAddWithoutValidation("traceparent", traceParent);
        request.Headers.TryAddWithoutValidation("tracestate", traceState);
        using var response = await http.SendAsync(request);
        Assert.Equal(System.Net.HttpStatusCode.NoContent, response.StatusCode);
    }

    /// <summary>A publish with traceparent/tracestate as gRPC headers, as a traced Dapr SDK client sends them.</summary>
    private static async Task GrpcPublishAsync(SidecarHarness sidecar, string topic, Dictionary<string, string> metadata)
    {
        using var channel = GrpcChannel.ForAddress(sidecar.GrpcEndpoint);
        var client = new GrpcDapr.Dapr.DaprClient(channel);
        var request = new GrpcDapr.PublishEventRequest
        {
            PubsubName = "pubsub",
            Topic = topic,
            Data = ByteString.CopyFrom("""{"n":1}""", Encoding.UTF8),
            DataContentType = "application/json",
        };
        request.Metadata.Add(metadata);
        await client.PublishEventAsync(request, new Grpc.Core.Metadata { { "traceparent", TraceParent }, { "tracestate", TraceState } });
    }

    private async Task<JsonElement> StoredEventAsync(string topic)
    {
        var entry = Assert.Single(await redis.Connection.GetDatabase().StreamRangeAsync(topic));
        using var document = JsonDocument.Parse((byte[])entry["data"]!);
        return document.RootElement.Clone();
    }
}
