using Accreditation.BuildingBlocks.Auth;
using Accreditation.Contracts.Enrolment.V1;
using Accreditation.TestSupport;
using Google.Protobuf;
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
        var http = Host.Http;

        using var health = await http.GetAsync(new Uri("/healthz", UriKind.Relative));
        using var subscribe = await http.GetAsync(new Uri("/dapr/subscribe", UriKind.Relative));

        Assert.True(health.IsSuccessStatusCode);
        Assert.True(subscribe.IsSuccessStatusCode);
        using var discovered = System.Text.Json.JsonDocument.Parse(await subscribe.Content.ReadAsStringAsync());
        var subscription = Assert.Single(discovered.RootElement.EnumerateArray());
        Assert.Equal(Contracts.Topics.AccreditationAwarded, subscription.GetProperty("topic").GetString());
        Assert.Equal(Contracts.Topics.DeadLetterFor(Contracts.AppIds.Enrolment, Contracts.Topics.AccreditationAwarded), subscription.GetProperty("deadLetterTopic").GetString());
    }

    [Fact]
    public async Task GrpcApi_OnSidecarPort_NotServed()
    {
        var http = Host.Http;

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
    public async Task Reflection_ProductionByDefault_Unimplemented()
    {
        // Read the answer without writing first: the server refuses the unknown method at once, and a
        // write racing that refusal would fail as CANCELLED instead.
        var client = new global::Grpc.Reflection.V1Alpha.ServerReflection.ServerReflectionClient(Host.Channel);
        using var call = client.ServerReflectionInfo();

        var e = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(CancellationToken.None));

        Assert.Equal(StatusCode.Unimplemented, e.StatusCode);
    }

    [Fact]
    public async Task Reflection_TurnedOnBySetting_ListsEnrolmentService()
    {
        await using var host = await EnrolmentTestHost.StartAsync(Redis, RedisFixture.NewKeyPrefix("reflection"), settings: new Dictionary<string, string?> { ["Service:EnableReflection"] = "true" });

        Assert.Contains("accreditation.enrolment.v1.EnrolmentService", await ListServicesAsync(host.Channel));
    }

    [Theory]
    [InlineData("/dapr/subscribe")]
    [InlineData("/events/enrolment.candidate-enrolled")]
    public async Task AppPort_WithoutOrWithWrongSidecarToken_Unauthorized(string path)
    {
        using var none = Host.AppPortClient(null);
        using var wrong = Host.AppPortClient(Host.AppToken + "x");

        using var withoutToken = await none.PostAsync(new Uri(path, UriKind.Relative), new StringContent("{}"));
        using var withWrongToken = await wrong.PostAsync(new Uri(path, UriKind.Relative), new StringContent("{}"));

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, withoutToken.StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, withWrongToken.StatusCode);
    }

    [Fact]
    public async Task AppPort_HealthWithoutToken_Answers()
    {
        using var none = Host.AppPortClient(null);

        using var health = await none.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(System.Net.HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task AppPort_DefaultBinding_LoopbackOnlyWhileGrpcListensEverywhere()
    {
        await using var host = await EnrolmentTestHost.StartAsync(Redis, RedisFixture.NewKeyPrefix("binding"), settings: new Dictionary<string, string?> { ["Service:BindAddress"] = "0.0.0.0" });

        // 127.0.0.2 is this machine too, but only a listener on every address accepts it.
        Assert.True(await AcceptsAsync("127.0.0.2", host.GrpcPort));
        Assert.False(await AcceptsAsync("127.0.0.2", host.AppPort));
        Assert.True(await AcceptsAsync("127.0.0.1", host.AppPort));
    }

    [Fact]
    public async Task Health_StoreDown_LiveButNotReady()
    {
        await using var host = await EnrolmentTestHost.StartAsync(Redis, RedisFixture.NewKeyPrefix("health"), settings: new Dictionary<string, string?>
        {
            ["Redis:ConnectionString"] = $"127.0.0.1:{FreePort.Next()},connectTimeout=200",
        });
        var health = new Health.HealthClient(host.Channel);

        var live = await health.CheckAsync(new HealthCheckRequest { Service = "liveness" });
        var ready = await health.CheckAsync(new HealthCheckRequest { Service = "readiness" });

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, live.Status);
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.NotServing, ready.Status);
    }

    [Fact]
    public async Task Health_StoreUp_LiveAndReady()
    {
        var health = new Health.HealthClient(Host.Channel);

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, (await health.CheckAsync(new HealthCheckRequest { Service = "liveness" })).Status);
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, (await health.CheckAsync(new HealthCheckRequest { Service = "readiness" })).Status);
    }

    [Theory]
    [InlineData("gzip-corrupt")]
    [InlineData("gzip-not-a-message")]
    [InlineData("trailing-bytes")]
    [InlineData("truncated")]
    [InlineData("compressed-without-encoding")]
    [InlineData("empty-body")]
    [InlineData("huge-length-prefix")]
    public async Task EnrolCandidate_MalformedFraming_InvalidArgument(string variant)
    {
        var message = EnrolmentRequests.Enrol(Authorities.Bury).ToByteArray();
        var (flag, payload, encoding) = variant switch
        {
            "gzip-corrupt" => ((byte)1, new byte[] { 0x1f, 0x8b, 0x08, 0x00, 0xde, 0xad, 0xbe, 0xef }, "gzip"),
            "gzip-not-a-message" => ((byte)1, Gzip([0x0A, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F, 0x01]), "gzip"),
            "compressed-without-encoding" => ((byte)1, Gzip(message), (string?)null),
            _ => ((byte)0, message, (string?)null),
        };
        var frame = new byte[5 + payload.Length];
        frame[0] = flag;
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1, 4), (uint)payload.Length + (variant == "truncated" ? 3u : 0u));
        payload.CopyTo(frame, 5);
        if (variant == "trailing-bytes")
        {
            frame = [.. frame, 0x08, 0x01];
        }
        else if (variant == "empty-body")
        {
            frame = [];
        }
        else if (variant == "huge-length-prefix")
        {
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1, 4), 0xFFFFFFF0u);
        }

        var status = await RawUnaryStatusAsync("/accreditation.enrolment.v1.EnrolmentService/EnrolCandidate", frame, encoding);

        Assert.Equal(((int)StatusCode.InvalidArgument).ToString(System.Globalization.CultureInfo.InvariantCulture), status);
        var list = await Host.ClientFor(Authorities.Bury).ListEnrolmentsAsync(new ListEnrolmentsRequest());
        Assert.Empty(list.Enrolments);
    }

    [Fact]
    public async Task EnrolCandidate_ValidGzipMessage_Accepted()
    {
        var message = EnrolmentRequests.Enrol(Authorities.Bury).ToByteArray();
        var payload = Gzip(message);
        var frame = new byte[5 + payload.Length];
        frame[0] = 1;
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1, 4), (uint)payload.Length);
        payload.CopyTo(frame, 5);

        var status = await RawUnaryStatusAsync("/accreditation.enrolment.v1.EnrolmentService/EnrolCandidate", frame, "gzip");

        Assert.Equal("0", status);
    }

    private async Task<string?> RawUnaryStatusAsync(string path, byte[] frame, string? encoding)
    {
        using var handler = new SocketsHttpHandler();
        using var http = new HttpClient(handler) { DefaultRequestVersion = System.Net.HttpVersion.Version20, DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact };
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"http://127.0.0.1:{Host.GrpcPort}{path}")) { Content = new ByteArrayContent(frame), Version = System.Net.HttpVersion.Version20, VersionPolicy = HttpVersionPolicy.RequestVersionExact };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/grpc");
        request.Headers.TE.ParseAdd("trailers");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", DevelopmentTokens.Mint(ServiceTestHost.Auth, "raw", [Scopes.EnrolmentHr], Authorities.Bury, TimeSpan.FromMinutes(5)));
        if (encoding is not null)
        {
            request.Headers.Add("grpc-encoding", encoding);
        }

        using var response = await http.SendAsync(request);
        await response.Content.ReadAsByteArrayAsync();
        return response.Headers.TryGetValues("grpc-status", out var inHeaders) ? inHeaders.Single()
            : response.TrailingHeaders.TryGetValues("grpc-status", out var inTrailers) ? inTrailers.Single() : null;
    }

    private static byte[] Gzip(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(output, System.IO.Compression.CompressionLevel.Fastest))
        {
            gzip.Write(bytes);
        }

        return output.ToArray();
    }

    private static async Task<bool> AcceptsAsync(string address, int port)
    {
        using var socket = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.InterNetwork, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
        try
        {
            await socket.ConnectAsync(System.Net.IPAddress.Parse(address), port);
            return true;
        }
        catch (System.Net.Sockets.SocketException)
        {
            return false;
        }
    }

    private static async Task<List<string>> ListServicesAsync(Grpc.Net.Client.GrpcChannel channel)
    {
        var client = new global::Grpc.Reflection.V1Alpha.ServerReflection.ServerReflectionClient(channel);
        using var call = client.ServerReflectionInfo();
        await call.RequestStream.WriteAsync(new global::Grpc.Reflection.V1Alpha.ServerReflectionRequest { ListServices = "" });
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        return call.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name).ToList();
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
