using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Accreditation.LoadGen.Echo;

/// <summary>
/// A bare ASP.NET Core gRPC server (h2c on loopback) with only <see cref="EchoService"/>: no auth, no
/// logging below warnings, no interceptors. It is the baseline every path is compared with.
/// </summary>
public sealed class EchoServer : IAsyncDisposable
{
    /// <summary>The line the echo-server command prints once it listens: this prefix, then the URL.</summary>
    public const string ListeningPrefix = "echo listening on ";

    private readonly WebApplication _app;

    private EchoServer(WebApplication app, string url)
    {
        _app = app;
        Url = url;
    }

    /// <summary>The address clients call, http://127.0.0.1:port.</summary>
    public string Url { get; }

    /// <param name="port">0 for any free port.</param>
    public static async Task<EchoServer> StartAsync(int port, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.Listen(System.Net.IPAddress.Loopback, port, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc();
        var app = builder.Build();
        app.MapGrpcService<EchoService>();
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var bound = new Uri(address).Port;
        return new EchoServer(app, $"http://127.0.0.1:{bound}");
    }

    /// <summary>Runs until cancelled.</summary>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken) => _app.WaitForShutdownAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
