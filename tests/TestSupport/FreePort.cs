using System.Net;
using System.Net.Sockets;

namespace Accreditation.TestSupport;

/// <summary>
/// Finds TCP ports on the loopback interface that nothing listens on, for servers the tests start.
/// Ports are drawn at random below the kernel's ephemeral range (ip_local_port_range), so an
/// outgoing connection of this or another test process can never be handed the same port between
/// the check here and the server binding it; a port is checked by binding it, and never handed out
/// twice in a process.
/// </summary>
public static class FreePort
{
    private const int Lowest = 10_000;
    private static readonly HashSet<int> Handed = [];
    private static readonly Lock Gate = new();
    private static readonly int EphemeralStart = ReadEphemeralStart();

    /// <summary>A port that was free just now, outside the ephemeral range; never the same one twice in a process.</summary>
    public static int Next()
    {
        lock (Gate)
        {
            for (var attempt = 0; attempt < 1000; attempt++)
            {
                var port = Random.Shared.Next(Lowest, EphemeralStart);
                if (!Handed.Contains(port) && Bindable(port))
                {
                    Handed.Add(port);
                    return port;
                }
            }

            throw new InvalidOperationException($"no free port between {Lowest} and {EphemeralStart}");
        }
    }

    private static bool Bindable(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            listener.Stop();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>The first port of the kernel's ephemeral range (32768 when it cannot be read).</summary>
    private static int ReadEphemeralStart()
    {
        try
        {
            var range = File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range").Split((char[])['\t', ' '], StringSplitOptions.RemoveEmptyEntries);
            return int.TryParse(range[0], out var start) && start > Lowest + 1000 ? start : 32_768;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or IndexOutOfRangeException)
        {
            return 32_768;
        }
    }
}
