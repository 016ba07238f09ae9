using Accreditation.TestSupport;
using System.Net;

namespace Accreditation.System.Tests.Infrastructure;

/// <summary>One app's sidecar process; can be killed and started again on the same ports.</summary>
public sealed class SidecarInstance(SidecarLauncher launcher, SidecarPorts ports) : IAsyncDisposable
{
    private ChildProcess? _process;

    public SidecarPorts Ports { get; } = ports;

    public string Name => $"sidecar[{Ports.AppId}]";

    /// <summary>Output of every instance so far, oldest first.</summary>
    public OutputTail Output { get; } = new();

    public bool IsRunning => _process is { HasExited: false };

    public void Start()
    {
        if (IsRunning)
        {
            throw new InvalidOperationException($"{Name} is already running");
        }

        _process = ChildProcess.Start(Name, launcher.For(Ports), Output);
    }

    /// <summary>Waits until the sidecar answers its health endpoint (204: subscriptions discovered and running).</summary>
    public Task WaitHealthyAsync(TimeSpan timeout) =>
        HttpHealth.WaitAsync(Ports.HealthUrl, HttpStatusCode.NoContent, _process ?? throw new InvalidOperationException($"{Name} was not started"), timeout);

    /// <summary>Freezes the sidecar (SIGSTOP): it keeps its ports but answers nothing, so publishes hang.</summary>
    public void Pause() => ProcessSignals.Stop(_process?.Id ?? throw new InvalidOperationException($"{Name} is not running"));

    public void Resume() => ProcessSignals.Continue(_process?.Id ?? throw new InvalidOperationException($"{Name} is not running"));

    /// <summary>Kills the sidecar at once, as a crash or an evicted pod would end it.</summary>
    public async Task KillAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync();
            _process = null;
        }
    }

    public async Task RestartAsync(TimeSpan timeout)
    {
        await KillAsync();
        Start();
        await WaitHealthyAsync(timeout);
    }

    public ValueTask DisposeAsync() => new(KillAsync());
}
