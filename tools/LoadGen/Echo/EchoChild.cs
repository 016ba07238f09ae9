using System.Diagnostics;

namespace Accreditation.LoadGen.Echo;

/// <summary>
/// The echo server as a child process of this one (run --start-echo): the same executable with
/// echo-server --port 0; its URL is read from the line it prints once it listens. Killed on dispose.
/// </summary>
public sealed class EchoChild : IDisposable
{
    private readonly Process _process;

    private EchoChild(Process process, string url)
    {
        _process = process;
        Url = url;
    }

    public string Url { get; }

    public int ProcessId => _process.Id;

    public static async Task<EchoChild> StartAsync(TimeSpan patience, CancellationToken cancellationToken)
    {
        var start = OwnCommand();
        start.ArgumentList.Add("echo-server");
        start.ArgumentList.Add("--port");
        start.ArgumentList.Add("0");
        start.RedirectStandardOutput = true;
        start.UseShellExecute = false;
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the echo server");
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(patience);
            while (true)
            {
                var line = await process.StandardOutput.ReadLineAsync(timeout.Token)
                    ?? throw new InvalidOperationException($"the echo server exited ({ExitOf(process)}) before it listened");
                if (line.StartsWith(EchoServer.ListeningPrefix, StringComparison.Ordinal))
                {
                    return new EchoChild(process, line[EchoServer.ListeningPrefix.Length..].Trim());
                }
            }
        }
        catch
        {
            Kill(process);
            process.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        Kill(_process);
        _process.Dispose();
    }

    /// <summary>This program again: its apphost, or dotnet with its dll.</summary>
    private static ProcessStartInfo OwnCommand()
    {
        var dll = typeof(EchoChild).Assembly.Location;
        var host = Environment.ProcessPath ?? "dotnet";
        var isDotnet = Path.GetFileNameWithoutExtension(host).Equals("dotnet", StringComparison.OrdinalIgnoreCase);
        if (!isDotnet && Path.GetFileNameWithoutExtension(host) == Path.GetFileNameWithoutExtension(dll))
        {
            return new ProcessStartInfo(host);
        }

        var start = new ProcessStartInfo(isDotnet ? host : "dotnet");
        start.ArgumentList.Add(dll);
        return start;
    }

    private static string ExitOf(Process process) => process.HasExited ? "exit code " + process.ExitCode : "still running";

    private static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(5_000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }
}
