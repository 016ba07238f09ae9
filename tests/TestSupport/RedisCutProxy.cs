using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Accreditation.TestSupport;

/// <summary>
/// A TCP proxy in front of a Redis server that can be told to cut every connection right after it
/// has forwarded the next transaction's EXEC: the server runs that transaction, the client never
/// hears back. A repository that wrote a state change and its outbox entries in two transactions
/// would be caught half done by it.
/// </summary>
public sealed class RedisCutProxy : IAsyncDisposable
{
    private static readonly byte[] Exec = Encoding.ASCII.GetBytes("EXEC\r\n");
    private readonly TcpListener _listener;
    private readonly IPEndPoint _target;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<TcpClient> _clients = [];
    private readonly Lock _gate = new();
    private readonly Task _accepting;
    private string? _marker;
    private int _cuts;

    public RedisCutProxy(int targetPort)
    {
        _target = new IPEndPoint(IPAddress.Loopback, targetPort);
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _accepting = AcceptAsync();
    }

    public int Port { get; }

    public string ConnectionString => $"127.0.0.1:{Port}";

    /// <summary>How many times the proxy has cut its connections.</summary>
    public int Cuts => Volatile.Read(ref _cuts);

    /// <summary>
    /// The next transaction whose commands mention <paramref name="marker"/> (a key, an id) is
    /// forwarded up to and including its EXEC, then every connection is closed.
    /// </summary>
    public void CutAfterExecMentioning(string marker) => Volatile.Write(ref _marker, marker);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        CloseAll();
        try
        {
            await _accepting;
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopping.
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            var server = new TcpClient();
            await server.ConnectAsync(_target, _stop.Token);
            lock (_gate)
            {
                _clients.Add(client);
                _clients.Add(server);
            }

            _ = PumpAsync(client, server, watchForExec: true);
            _ = PumpAsync(server, client, watchForExec: false);
        }
    }

    private async Task PumpAsync(TcpClient from, TcpClient to, bool watchForExec)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            var input = from.GetStream();
            var output = to.GetStream();
            int read;
            while ((read = await input.ReadAsync(buffer, _stop.Token)) > 0)
            {
                await output.WriteAsync(buffer.AsMemory(0, read), _stop.Token);
                if (watchForExec && Volatile.Read(ref _marker) is { } marker && Mentions(buffer.AsSpan(0, read), marker) && Interlocked.CompareExchange(ref _marker, null, marker) == marker)
                {
                    await output.FlushAsync(_stop.Token);
                    Interlocked.Increment(ref _cuts);
                    CloseAll();
                    return;
                }
            }
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or OperationCanceledException or InvalidOperationException)
        {
            // A cut or a closed peer ends the pump.
        }
    }

    private static bool Mentions(ReadOnlySpan<byte> chunk, string marker) =>
        chunk.IndexOf(Exec) >= 0 && chunk.IndexOf(Encoding.UTF8.GetBytes(marker)) >= 0;

    private void CloseAll()
    {
        lock (_gate)
        {
            foreach (var client in _clients)
            {
                client.Dispose();
            }

            _clients.Clear();
        }
    }
}
