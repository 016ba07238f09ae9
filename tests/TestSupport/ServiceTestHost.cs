using System.Globalization;
using Accreditation.BuildingBlocks.Auth;
using Accreditation.BuildingBlocks.Outbox;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Accreditation.TestSupport;

/// <summary>
/// A service's real host on free loopback ports (gRPC h2c and the sidecar's HTTP/1.1 port) over a
/// real Redis with its own key prefix; the sidecar is a <see cref="RecordingTransport"/>, and the
/// clock can be a <see cref="ManualClock"/>. Clients carry development tokens.
/// </summary>
public sealed class ServiceTestHost : IAsyncDisposable
{
    public static readonly AuthOptions Auth = new() { SigningKey = "service-tests-signing-key-0123456789abcdef" };

    private readonly WebApplication _app;

    private ServiceTestHost(WebApplication app, int grpcPort, int appPort, RecordingTransport transport, string appToken)
    {
        _app = app;
        GrpcPort = grpcPort;
        AppPort = appPort;
        Transport = transport;
        AppToken = appToken;
        Channel = GrpcChannel.ForAddress($"http://127.0.0.1:{grpcPort}");
        Http = AppPortClient(appToken);
    }

    public int GrpcPort { get; }

    public int AppPort { get; }

    public RecordingTransport Transport { get; }

    public GrpcChannel Channel { get; }

    /// <summary>HTTP/1.1 client of the sidecar's app port, carrying the app token as the sidecar does.</summary>
    public HttpClient Http { get; }

    /// <summary>The APP_API_TOKEN this host was started with (every host has one, as in the chart).</summary>
    public string AppToken { get; }

    /// <summary>A client of the app port that presents <paramref name="token"/> as dapr-api-token (none when null): an impostor, unless it is <see cref="AppToken"/>.</summary>
    public HttpClient AppPortClient(string? token)
    {
        var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{AppPort}") };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Add("dapr-api-token", token);
        }

        return client;
    }

    public IServiceProvider Services => _app.Services;

    /// <param name="build">The service's host builder, for example EnrolmentHost.Build.</param>
    public static async Task<ServiceTestHost> StartAsync(
        Func<string[], Action<WebApplicationBuilder>, WebApplication> build,
        RedisFixture redis,
        string keyPrefix,
        RecordingTransport? transport = null,
        IDictionary<string, string?>? settings = null,
        TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(build);
        ArgumentNullException.ThrowIfNull(redis);
        var grpcPort = FreePort.Next();
        var appPort = FreePort.Next();
        var appToken = "app-token-" + Guid.NewGuid().ToString("N");
        transport ??= new RecordingTransport();
        var config = new Dictionary<string, string?>
        {
            ["Service:GrpcPort"] = grpcPort.ToString(CultureInfo.InvariantCulture),
            ["Service:AppPort"] = appPort.ToString(CultureInfo.InvariantCulture),
            ["Service:BindAddress"] = "127.0.0.1",
            ["Redis:ConnectionString"] = redis.ConnectionString,
            ["Redis:KeyPrefix"] = keyPrefix,
            ["Auth:SigningKey"] = Auth.SigningKey,
            ["Outbox:PollInterval"] = "00:00:00.050",
            ["Outbox:RetryBaseDelay"] = "00:00:00.001",
            ["Outbox:LeaseDuration"] = "00:00:02",
            ["APP_API_TOKEN"] = appToken,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            config[key] = value;
        }

        var app = build([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(config);
            builder.Logging.ClearProviders();
            builder.Services.AddSingleton<IEventTransport>(transport);
            if (clock is not null)
            {
                builder.Services.AddSingleton(clock);
            }
        });
        await app.StartAsync();
        return new ServiceTestHost(app, grpcPort, appPort, transport, config["APP_API_TOKEN"] ?? appToken);
    }

    /// <summary>A call invoker whose calls carry a development token with <paramref name="scopes"/> (and an authority, for council HR).</summary>
    public CallInvoker InvokerFor(string? authority, params string[] scopes) =>
        InvokerAs("test-" + (authority ?? string.Join('-', scopes)), authority, scopes);

    /// <summary>A call invoker whose calls carry a development token for <paramref name="subject"/> ("" for a token without one).</summary>
    public CallInvoker InvokerAs(string subject, string? authority, params string[] scopes)
    {
        var token = DevelopmentTokens.Mint(Auth, subject, scopes, authority, TimeSpan.FromMinutes(10));
        return Channel.CreateCallInvoker().Intercept(headers =>
        {
            headers.Add("authorization", "Bearer " + token);
            return headers;
        });
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        Channel.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
