using System.Diagnostics;
using StackExchange.Redis;

namespace Accreditation.TestSupport;

/// <summary>A redis-server child process on a free loopback port, without persistence.</summary>
public sealed class RedisProcess : IAsyncDisposable
{
    private readonly Process _process;

    private RedisProcess(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public string ConnectionString => $"127.0.0.1:{Port}";

    /// <summary>Freezes the server (SIGSTOP): connections stay open, nothing is answered.</summary>
    public void Pause() => ProcessSignals.Stop(_process.Id);

    public void Resume() => ProcessSignals.Continue(_process.Id);

    public static async Task<RedisProcess> StartAsync(TimeSpan? timeout = null)
    {
        var port = FreePort.Next();
        var info = new ProcessStartInfo("redis-server")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--protected-mode", "no", "--databases", "64" })
        {
            info.ArgumentList.Add(arg);
        }

        Process process;
        try
        {
            process = Process.Start(info) ?? throw new InvalidOperationException("redis-server did not start");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException(
                "redis-server is not on PATH: install it (apt-get install redis-server) or run the tests through .ci/run", e);
        }

        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var redis = new RedisProcess(process, port);
        await Eventually.WaitForAsync(
            async () =>
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException($"redis-server exited with code {process.ExitCode}");
                }

                try
                {
                    await using var connection = await ConnectionMultiplexer.ConnectAsync($"{redis.ConnectionString},connectTimeout=500,abortConnect=true");
                    return (await connection.GetDatabase().PingAsync()) >= TimeSpan.Zero;
                }
                catch (RedisConnectionException)
                {
                    return false;
                }
            },
            ok => ok,
            $"redis-server on port {port}",
            timeout ?? TimeSpan.FromSeconds(15));
        return redis;
    }

    /// <summary>Kills the server at once, as a crash would.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
