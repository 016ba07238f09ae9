using System.Net;
using Accreditation.Sidecar.Tests.Support;
using Accreditation.TestSupport;
using Dapr;
using Dapr.Client;
using Xunit.Abstractions;

namespace Accreditation.Sidecar.Tests.Integration;

/// <summary>
/// Tokens as daprd handles them: with DAPR_API_TOKEN set, API calls need the dapr-api-token header
/// (GET of health excepted); with APP_API_TOKEN set, the app gets it in dapr-api-token on subscription
/// discovery and on every delivery.
/// </summary>
public sealed class ApiTokenTests(RedisFixture redis, ITestOutputHelper output) : IClassFixture<RedisFixture>
{
    private const string Token = "s3cret-token";
    private const string AppToken = "app-s3cret";

    [Fact]
    public async Task GrpcPublish_WithoutToken_Unauthenticated()
    {
        await using var sidecar = await StartAsync();
        using var client = new DaprClientBuilder().UseGrpcEndpoint(sidecar.GrpcEndpoint).UseDaprApiToken("").Build();

        var error = await Assert.ThrowsAsync<DaprException>(() => client.PublishEventAsync("pubsub", Names.Topic("token"), new { a = 1 }));

        var rpc = Assert.IsType<Grpc.Core.RpcException>(error.InnerException);
        Assert.Equal(Grpc.Core.StatusCode.Unauthenticated, rpc.StatusCode);
    }

    [Fact]
    public async Task GrpcPublish_WithToken_Stored()
    {
        var topic = Names.Topic("token");
        await using var sidecar = await StartAsync();
        using var client = new DaprClientBuilder().UseGrpcEndpoint(sidecar.GrpcEndpoint).UseDaprApiToken(Token).Build();

        await client.PublishEventAsync("pubsub", topic, new { a = 1 });

        Assert.Equal(1, await StreamProbe.LengthAsync(redis.Connection, topic));
    }

    [Fact]
    public async Task HttpPublish_WithoutOrWithWrongToken_Unauthorized()
    {
        await using var sidecar = await StartAsync();
        using var http = new HttpClient { BaseAddress = sidecar.HttpEndpoint };
        using var wrong = new HttpRequestMessage(HttpMethod.Post, $"/v1.0/publish/pubsub/{Names.Topic("token")}") { Content = new StringContent("{}") };
        wrong.Headers.Add("dapr-api-token", "wrong");

        using var missing = await http.PostAsync(new Uri($"/v1.0/publish/pubsub/{Names.Topic("token")}", UriKind.Relative), new StringContent("{}"));
        using var mismatched = await http.SendAsync(wrong);

        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, mismatched.StatusCode);
        Assert.Equal("invalid api token", (await missing.Content.ReadAsStringAsync()).Trim());
    }

    [Fact]
    public async Task GrpcPublish_WithWrongToken_UnauthenticatedAndNothingWritten()
    {
        var topic = Names.Topic("token");
        await using var sidecar = await StartAsync();
        using var client = new DaprClientBuilder().UseGrpcEndpoint(sidecar.GrpcEndpoint).UseDaprApiToken("wrong").Build();

        var error = await Assert.ThrowsAsync<DaprException>(() => client.PublishEventAsync("pubsub", topic, new { a = 1 }));

        Assert.Equal(Grpc.Core.StatusCode.Unauthenticated, Assert.IsType<Grpc.Core.RpcException>(error.InnerException).StatusCode);
        Assert.False(await redis.Connection.GetDatabase().KeyExistsAsync(topic));
    }

    [Fact]
    public async Task HttpMetadataAndNonGetHealth_WithoutToken_Unauthorized()
    {
        await using var sidecar = await StartAsync();
        using var http = new HttpClient { BaseAddress = sidecar.HttpEndpoint };

        using var metadata = await http.GetAsync(new Uri("/v1.0/metadata", UriKind.Relative));
        using var postHealth = await http.PostAsync(new Uri("/v1.0/healthz", UriKind.Relative), new StringContent(""));

        Assert.Equal(HttpStatusCode.Unauthorized, metadata.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, postHealth.StatusCode);
    }

    [Fact]
    public async Task AppApiToken_Set_SentOnSubscriptionDiscoveryAndEveryDelivery()
    {
        var topic = Names.Topic("apptoken");
        await using var app = await FakeApp.StartAsync(
            Names.Subscriptions(topic, "/on-event"),
            received => received.Attempt == 1 ? AppAnswer.Retry : AppAnswer.Success);
        var options = SidecarHarness.OptionsFor(redis, Names.AppId("apptoken"), app.Port) with { ApiToken = Token, AppApiToken = AppToken };
        await using var sidecar = await SidecarHarness.StartAsync(options, output);
        using var http = new HttpClient { BaseAddress = sidecar.HttpEndpoint };
        http.DefaultRequestHeaders.Add("dapr-api-token", Token);

        using var published = await http.PostAsync(new Uri($"/v1.0/publish/pubsub/{topic}", UriKind.Relative), new StringContent("{}"));

        Assert.Equal(HttpStatusCode.NoContent, published.StatusCode);
        await StreamProbe.WaitUntilSettledAsync(redis.Connection, topic, options.AppId);
        Assert.NotEmpty(app.SubscribeRequests);
        Assert.All(app.SubscribeRequests, headers => Assert.Equal(AppToken, headers.GetValueOrDefault("dapr-api-token")));
        Assert.Equal(2, app.Received.Count);
        Assert.All(app.Received, r => Assert.Equal(AppToken, r.Header("dapr-api-token")));
    }

    [Fact]
    public async Task AppApiToken_NotSet_NoTokenHeaderToTheApp()
    {
        var topic = Names.Topic("noapptoken");
        await using var app = await FakeApp.StartAsync(Names.Subscriptions(topic, "/on-event"), _ => AppAnswer.Success);
        var options = SidecarHarness.OptionsFor(redis, Names.AppId("noapptoken"), app.Port);
        await using var sidecar = await SidecarHarness.StartAsync(options, output);

        await StreamProbe.PublishAsync(sidecar, topic, "{}");

        await StreamProbe.WaitUntilSettledAsync(redis.Connection, topic, options.AppId);
        Assert.All(app.SubscribeRequests, headers => Assert.False(headers.ContainsKey("dapr-api-token")));
        Assert.All(app.Received, r => Assert.Null(r.Header("dapr-api-token")));
    }

    [Fact]
    public async Task HttpPublish_WithToken_NoContent()
    {
        await using var sidecar = await StartAsync();
        using var http = new HttpClient { BaseAddress = sidecar.HttpEndpoint };
        http.DefaultRequestHeaders.Add("dapr-api-token", Token);

        using var response = await http.PostAsync(new Uri($"/v1.0/publish/pubsub/{Names.Topic("token")}", UriKind.Relative), new StringContent("{}"));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    [Fact]
    public async Task Healthz_WithoutToken_NoContent()
    {
        await using var sidecar = await StartAsync();
        using var http = new HttpClient { BaseAddress = sidecar.HttpEndpoint };

        using var health = await http.GetAsync(new Uri("/v1.0/healthz", UriKind.Relative));
        using var outbound = await http.GetAsync(new Uri("/v1.0/healthz/outbound", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NoContent, health.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, outbound.StatusCode);
    }

    private Task<SidecarHarness> StartAsync() =>
        SidecarHarness.StartAsync(SidecarHarness.OptionsFor(redis, Names.AppId("token"), null) with { ApiToken = Token }, output);
}
