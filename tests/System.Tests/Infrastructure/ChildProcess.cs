using System.Diagnostics;

namespace Accreditation.System.Tests.Infrastructure;

/// <summary>
/// A child process of the tests: its output goes to an <see cref="OutputTail"/> for failure
/// messages; killing it kills its whole process tree at once, as a crash would.
/// </summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private readonly Process _process;

    private ChildProcess(string name, Process process, OutputTail output)
    {
        Name = name;
        _process = process;
        Output = output;
    }

    public string Name { get; }

    public OutputTail Output { get; }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public int? ExitCode => _process.HasExited ? _process.ExitCode : null;

    public static ChildProcess Start(string name, ProcessLaunch launch, OutputTail? output = null)
    {
        ArgumentNullException.ThrowIfNull(launch);
        var info = new ProcessStartInfo(launch.FileName)
        {
            WorkingDirectory = launch.WorkingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
            UseShellExecute = false,
        };
        foreach (var argument in launch.Arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in launch.Environment)
        {
            if (value is null)
            {
                info.Environment.Remove(key);
            }
            else
            {
                info.Environment[key] = value;
            }
        }

        var tail = output ?? new OutputTail();
        tail.Add($"--- {DateTime.UtcNow:HH:mm:ss.fff} starting {name}: {launch}");
        var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => tail.Add(e.Data);
        process.ErrorDataReceived += (_, e) => tail.Add(e.Data);
        if (!process.Start())
        {
            throw new InvalidOperationException($"{name} did not start: {launch}");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new ChildProcess(name, process, tail);
    }

    /// <summary>Waits for the process to end by itself; kills it when <paramref name="timeout"/> passes first.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            await KillAsync();
            throw new TimeoutException($"{Name} did not exit within {timeout.TotalSeconds:F0} s; output:\n{Output.Last(60)}");
        }

        return _process.ExitCode;
    }

    /// <summary>Kills the process and its children at once (no graceful shutdown) and waits until they are gone.</summary>
    public async Task KillAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Exited between the check and the kill.
        }

        await _process.WaitForExitAsync();
        Output.Add($"--- {DateTime.UtcNow:HH:mm:ss.fff} {Name} ended (exit code {_process.ExitCode})");
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }
}
