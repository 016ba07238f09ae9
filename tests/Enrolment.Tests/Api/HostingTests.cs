using Accreditation.TestSupport;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;

namespace Accreditation.Enrolment.Tests.Api;

[Collection(RedisGroup.Name)]
public sealed class HostingTests(RedisFixture redis) : ApiTestBase(redis)
{
    [Fact]
    public async Task HealthCheck_GrpcPort_Serving()
    {
        var health = new Health.HealthClient(Host.Channel);

        var response = await health.CheckAsync(new HealthCheckRequest());

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, response.Status);
    }

    [Fact]
    public async Task SidecarPort_HealthAndSubscriptionDiscovery_AnswerOverHttp11()
    {
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{Host.AppPort}") };

        using var health = await http.GetAsync(new Uri("/healthz", UriKind.Relative));
        using var subscribe = await http.GetAsync(new Uri("/dapr/subscribe", UriKind.Relative));

        Assert.True(health.IsSuccessStatusCode);
        Assert.True(subscribe.IsSuccessStatusCode);
        Assert.Equal("[]", await subscribe.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task GrpcApi_OnSidecarPort_NotServed()
    {
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{Host.AppPort}") };

        using var response = await http.PostAsync(new Uri("/accreditation.enrolment.v1.EnrolmentService/GetEnrolment", UriKind.Relative), new ByteArrayContent([]));

        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task SidecarEndpoints_OnGrpcPort_NotServed()
    {
        using var handler = new SocketsHttpHandler();
        using var http = new HttpClient(handler) { BaseAddress = new Uri($"http://127.0.0.1:{Host.GrpcPort}"), DefaultRequestVersion = System.Net.HttpVersion.Version20, DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact };

        using var response = await http.GetAsync(new Uri("/dapr/subscribe", UriKind.Relative));

        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Reflection_GrpcPort_ListsEnrolmentService()
    {
        var client = new global::Grpc.Reflection.V1Alpha.ServerReflection.ServerReflectionClient(Host.Channel);
        using var call = client.ServerReflectionInfo();

        await call.RequestStream.WriteAsync(new global::Grpc.Reflection.V1Alpha.ServerReflectionRequest { ListServices = "" });
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));

        Assert.Contains(call.ResponseStream.Current.ListServicesResponse.Service, s => s.Name == "accreditation.enrolment.v1.EnrolmentService");
    }

    [Fact]
    public async Task EnrolCandidate_UndecodableProtobuf_InvalidArgumentNotInternal()
    {
        var raw = new Marshaller<byte[]>(bytes => bytes, bytes => bytes);
        var method = new Method<byte[], byte[]>(MethodType.Unary, "accreditation.enrolment.v1.EnrolmentService", "EnrolCandidate", raw, raw);
        var invoker = Host.InvokerFor(Authorities.Bury, Accreditation.BuildingBlocks.Auth.Scopes.EnrolmentHr);

        var e = await Assert.ThrowsAsync<RpcException>(() => invoker.AsyncUnaryCall(method, null, new CallOptions(), [0x0A, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F, 0x01]).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
    }
}
