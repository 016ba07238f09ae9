using Accreditation.BuildingBlocks.Auth;
using Accreditation.BuildingBlocks.Outbox;
using Accreditation.Contracts.Enrolment.V1;
using Accreditation.TestSupport;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Accreditation.Enrolment.Tests.Api;

/// <summary>
/// The real Enrolment host on free loopback ports (gRPC h2c and the sidecar's HTTP/1.1 port) over a
/// real Redis with its own key prefix; the sidecar is a <see cref="RecordingTransport"/>.
/// </summary>
public sealed class EnrolmentTestHost : IAsyncDisposable
{
    public static readonly AuthOptions Auth = new() { SigningKey = "enrolment-tests-signing-key-0123456789abcdef" };

    private readonly WebApplication _app;
    private readonly GrpcChannel _channel;

    private EnrolmentTestHost(WebApplication app, int grpcPort, int appPort, RecordingTransport transport)
    {
        _app = app;
        GrpcPort = grpcPort;
        AppPort = appPort;
        Transport = transport;
        _channel = GrpcChannel.ForAddress($"http://127.0.0.1:{grpcPort}");
    }

    public int GrpcPort { get; }

    public int AppPort { get; }

    public RecordingTransport Transport { get; }

    public GrpcChannel Channel => _channel;

    public IServiceProvider Services => _app.Services;

    public static async Task<EnrolmentTestHost> StartAsync(
        RedisFixture redis,
        string keyPrefix,
        RecordingTransport? transport = null,
        IDictionary<string, string?>? settings = null)
    {
        var grpcPort = FreePort.Next();
        var appPort = FreePort.Next();
        transport ??= new RecordingTransport();
        var config = new Dictionary<string, string?>
        {
            ["Service:GrpcPort"] = grpcPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Service:AppPort"] = appPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Service:BindAddress"] = "127.0.0.1",
            ["Redis:ConnectionString"] = redis.ConnectionString,
            ["Redis:KeyPrefix"] = keyPrefix,
            ["Auth:SigningKey"] = Auth.SigningKey,
            ["Outbox:PollInterval"] = "00:00:00.050",
            ["Outbox:RetryBaseDelay"] = "00:00:00.001",
            ["Outbox:LeaseDuration"] = "00:00:02",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            config[key] = value;
        }

        var app = EnrolmentHost.Build([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(config);
            builder.Logging.ClearProviders();
            builder.Services.AddSingleton<IEventTransport>(transport);
        });
        await app.StartAsync();
        return new EnrolmentTestHost(app, grpcPort, appPort, transport);
    }

    /// <summary>A client whose calls carry a council HR token for <paramref name="authority"/>.</summary>
    public EnrolmentService.EnrolmentServiceClient ClientFor(string? authority, params string[] scopes)
    {
        var token = DevelopmentTokens.Mint(Auth, "hr-" + authority, scopes.Length == 0 ? [Scopes.EnrolmentHr] : scopes, authority, TimeSpan.FromMinutes(10));
        var invoker = _channel.CreateCallInvoker().Intercept(headers =>
        {
            headers.Add("authorization", "Bearer " + token);
            return headers;
        });
        return new EnrolmentService.EnrolmentServiceClient(invoker);
    }

    public EnrolmentService.EnrolmentServiceClient AnonymousClient() => new(_channel);

    public async ValueTask DisposeAsync()
    {
        _channel.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
