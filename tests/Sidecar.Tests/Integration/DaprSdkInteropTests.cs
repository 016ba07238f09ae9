using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Accreditation.Sidecar.Tests.Support;
using Accreditation.TestSupport;
using Dapr;
using Dapr.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace Accreditation.Sidecar.Tests.Integration;

/// <summary>The real Dapr SDKs against the stand-in: DaprClient publishing, Dapr.AspNetCore subscribing.</summary>
public sealed class DaprSdkInteropTests(RedisFixture redis, ITestOutputHelper output) : IClassFixture<RedisFixture>
{
    [Fact]
    public async Task PublishByteEventAsync_WithCloudEventIdMetadata_DaprAspNetCoreSubscriberReceivesThatId()
    {
        var topic = Names.Topic("interop");
        var received = new ConcurrentQueue<(string? Id, string? Type, string Body)>();
        var appPort = FreePort.Next();
        await using var subscriber = await StartDaprAppAsync(appPort, topic, received);
        await using var sidecar = await SidecarHarness.StartAsync(SidecarHarness.OptionsFor(redis, Names.AppId("sub"), appPort), output);
        await using var publisherSidecar = await SidecarHarness.StartAsync(SidecarHarness.OptionsFor(redis, Names.AppId("pub"), null), output);
        using var client = new DaprClientBuilder().UseGrpcEndpoint(publisherSidecar.GrpcEndpoint).Build();
        var eventId = Guid.NewGuid().ToString();

        await client.PublishByteEventAsync(
            "pubsub",
            topic,
            Encoding.UTF8.GetBytes("""{"candidateId":"c-1","phase":2}"""),
            "application/json",
            new Dictionary<string, string> { ["cloudevent.id"] = eventId, ["cloudevent.type"] = "accreditation.test.v1" });

        await Eventually.WaitUntilAsync(() => !received.IsEmpty, "the subscriber to receive the event");
        // Delivery is at-least-once: what counts is which events arrived, not how often.
        Assert.Equal([eventId], received.Select(r => r.Id).Distinct());
        var (_, type, body) = received.First();
        Assert.Equal("accreditation.test.v1", type);
        Assert.Contains("\"candidateId\":\"c-1\"", body, StringComparison.Ordinal);
        await Eventually.WaitForAsync(
            async () => (await redis.Connection.GetDatabase().StreamPendingAsync(topic, sidecar.Options.AppId)).PendingMessageCount,
            pending => pending == 0,
            "the entry to be acknowledged");
    }

    [Fact]
    public async Task BulkPublishEventAsync_TwoEvents_BothStoredAsCloudEvents()
    {
        var topic = Names.Topic("bulk");
        await using var sidecar = await SidecarHarness.StartAsync(SidecarHarness.OptionsFor(redis, Names.AppId("pub"), null), output);
        using var client = new DaprClientBuilder().UseGrpcEndpoint(sidecar.GrpcEndpoint).Build();

        var response = await client.BulkPublishEventAsync("pubsub", topic, new List<string> { "one", "two" });

        Assert.Empty(response.FailedEntries);
        var entries = await redis.Connection.GetDatabase().StreamRangeAsync(topic);
        Assert.Equal(2, entries.Length);
        Assert.All(entries, e => Assert.Contains("\"specversion\":\"1.0\"", e["data"].ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task PublishEventAsync_UnknownPubSub_FailsWithInvalidArgument()
    {
        await using var sidecar = await SidecarHarness.StartAsync(SidecarHarness.OptionsFor(redis, Names.AppId("pub"), null), output);
        using var client = new DaprClientBuilder().UseGrpcEndpoint(sidecar.GrpcEndpoint).Build();

        var error = await Assert.ThrowsAsync<DaprException>(() => client.PublishEventAsync("nope", Names.Topic("x"), new { a = 1 }));

        var rpc = Assert.IsType<Grpc.Core.RpcException>(error.InnerException);
        Assert.Equal(Grpc.Core.StatusCode.InvalidArgument, rpc.StatusCode);
    }

    private static async Task<WebApplication> StartDaprAppAsync(int port, string topic, ConcurrentQueue<(string? Id, string? Type, string Body)> received)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port, l => l.Protocols = HttpProtocols.Http1));
        var app = builder.Build();
        app.UseCloudEvents(new CloudEventsMiddlewareOptions { ForwardCloudEventPropertiesAsHeaders = true });
        app.MapSubscribeHandler();
        app.MapPost("/events/received", async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync();
            received.Enqueue((context.Request.Headers["Cloudevent.id"].FirstOrDefault(), context.Request.Headers["Cloudevent.type"].FirstOrDefault(), body));
            return Results.Ok();
        }).WithTopic("pubsub", topic);
        await app.StartAsync();
        return app;
    }
}
