using System.Collections.Concurrent;
using Grpc.Net.Client;

namespace Accreditation.LoadGen.Clients;

/// <summary>
/// The client side every path shares, so every path runs with identical client settings: per
/// service address, <see cref="Connections"/> channels, each one HTTP/2 connection (a
/// SocketsHttpHandler that never opens a second), created on first use and kept for the run.
/// Worker w calls over channel w mod connections.
/// </summary>
public sealed class ChannelSet(int connections) : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<GrpcChannel[]>> _channels = new(StringComparer.Ordinal);

    public int Connections { get; } = connections > 0 ? connections : throw new ArgumentOutOfRangeException(nameof(connections));

    public GrpcChannel For(string url, int worker) =>
        _channels.GetOrAdd(url, u => new Lazy<GrpcChannel[]>(() => Open(u, Connections))).Value[worker % Connections];

    public void Dispose()
    {
        foreach (var channels in _channels.Values.Where(c => c.IsValueCreated))
        {
            foreach (var channel in channels.Value)
            {
                channel.Dispose();
            }
        }
    }

    private static GrpcChannel[] Open(string url, int count) =>
        [.. Enumerable.Range(0, count).Select(_ => GrpcChannel.ForAddress(url, new GrpcChannelOptions
        {
            HttpHandler = new SocketsHttpHandler
            {
                EnableMultipleHttp2Connections = false,
                PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
                KeepAlivePingPolicy = HttpKeepAlivePingPolicy.WithActiveRequests,
            },
            MaxReceiveMessageSize = 64 * 1024 * 1024,
        }))];
}
