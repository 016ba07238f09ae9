using System.Net.Sockets;

namespace Accreditation.TestSupport;

/// <summary>Tells whether a Docker engine answers on this machine (so Testcontainers can be used).</summary>
public static class DockerEngine
{
    public static bool Answers()
    {
        if (Environment.GetEnvironmentVariable("ACCREDITATION_TESTS_NO_DOCKER") == "1")
        {
            return false;
        }

        var host = Environment.GetEnvironmentVariable("DOCKER_HOST");
        if (!string.IsNullOrEmpty(host) && !host.StartsWith("unix://", StringComparison.Ordinal))
        {
            return true;
        }

        var socketPath = string.IsNullOrEmpty(host) ? "/var/run/docker.sock" : host["unix://".Length..];
        if (!File.Exists(socketPath))
        {
            return false;
        }

        try
        {
            using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            socket.Connect(new UnixDomainSocketEndPoint(socketPath));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
