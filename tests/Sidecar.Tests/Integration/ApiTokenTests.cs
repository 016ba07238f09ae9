using System.Net;
using Accreditation.Sidecar.Tests.Support;
using Accreditation.TestSupport;
using Dapr;
using Dapr.Client;
using Xunit.Abstractions;

namespace Accreditation.Sidecar.Tests.Integration;

/// <summary>With DAPR_API_TOKEN set, API calls need the dapr-api-token header; health does not.</summary>
public sealed class ApiTokenTests(RedisFixture redis, ITestOutputHelper output) : IClassFixture<RedisFixture>
{
    private const string Token = "s3cret-token";

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
