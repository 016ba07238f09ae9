using System.Globalization;
using System.Net;
using Accreditation.TestSupport;
using Grpc.Net.Client;

namespace Accreditation.System.Tests.Infrastructure;

/// <summary>
/// One running service: its own Redis store, its own sidecar, and the service process with the
/// environment run.sh gives it. The process can be killed (no graceful shutdown) and started again
/// on the same ports with the same store.
/// </summary>
public sealed class ServiceInstance : IAsyncDisposable
{
    private readonly string _assemblyPath;
    private readonly IReadOnlyDictionary<string, string?> _environment;
    private ChildProcess? _process;

    private ServiceInstance(ServiceDefinition definition, string assemblyPath, RedisProcess store, SidecarInstance sidecar, int grpcPort, int appPort, IReadOnlyDictionary<string, string> shared)
    {
        Definition = definition;
        _assemblyPath = assemblyPath;
        Store = store;
        Sidecar = sidecar;
        GrpcPort = grpcPort;
        AppPort = appPort;
        var environment = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["DOTNET_ENVIRONMENT"] = "Development",
            ["ASPNETCORE_URLS"] = null,
            ["Service__GrpcPort"] = Text(grpcPort),
            ["Service__AppPort"] = Text(appPort),
            ["Service__BindAddress"] = "127.0.0.1",
            ["Redis__ConnectionString"] = store.ConnectionString,
            ["DAPR_GRPC_PORT"] = Text(sidecar.Ports.GrpcPort),
            ["DAPR_HTTP_PORT"] = Text(sidecar.Ports.HttpPort),
            ["DAPR_GRPC_ENDPOINT"] = null,
            ["DAPR_HTTP_ENDPOINT"] = null,
            ["DAPR_API_TOKEN"] = sidecar.Ports.ApiToken,
            ["APP_API_TOKEN"] = sidecar.Ports.AppToken,
            ["Logging__Console__FormatterName"] = "simple",
            ["Logging__Console__FormatterOptions__SingleLine"] = "true",
            ["Logging__Console__FormatterOptions__TimestampFormat"] = "HH:mm:ss.fff ",
        };
        foreach (var (key, value) in shared.Concat(definition.Settings))
        {
            environment[key] = value;
        }

        _environment = environment;
        Channel = GrpcChannel.ForAddress($"http://127.0.0.1:{grpcPort}");
    }

    public ServiceDefinition Definition { get; }

    public string Name => Definition.AppId;

    public RedisProcess Store { get; }

    public SidecarInstance Sidecar { get; }

    public int GrpcPort { get; }

    public int AppPort { get; }

    /// <summary>An h2c channel to the public gRPC API; it reconnects by itself after a restart.</summary>
    public GrpcChannel Channel { get; }

    /// <summary>Output of every run of the process so far, oldest first.</summary>
    public OutputTail Output { get; } = new();

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>Starts the store, allocates ports; the process and its sidecar start with <see cref="Start"/>.</summary>
    public static async Task<ServiceInstance> CreateAsync(ServiceDefinition definition, RepositoryLayout layout, SidecarLauncher sidecars, IReadOnlyDictionary<string, string> shared)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(layout);
        var assembly = layout.AssemblyOf(definition.ProjectFolder, definition.AssemblyFile);
        var store = await RedisProcess.StartAsync();
        var appPort = FreePort.Next();
        var sidecar = new SidecarInstance(sidecars, SidecarPorts.For(definition.AppId, appPort));
        return new ServiceInstance(definition, assembly, store, sidecar, FreePort.Next(), appPort, shared);
    }

    /// <summary>Starts the service process and its sidecar (both ask for each other and cope with waiting).</summary>
    public void Start()
    {
        StartProcess();
        Sidecar.Start();
    }

    public async Task WaitHealthyAsync(TimeSpan timeout)
    {
        await HttpHealth.WaitAsync($"http://127.0.0.1:{AppPort}/healthz", HttpStatusCode.OK, _process ?? throw new InvalidOperationException($"{Name} was not started"), timeout);
        await Sidecar.WaitHealthyAsync(timeout);
    }

    /// <summary>Kills the service process at once, as a crash would: no graceful shutdown, nothing flushed.</summary>
    public async Task KillAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync();
            _process = null;
        }
    }

    /// <summary>Starts the service process again on the same ports and store and waits until it is healthy.</summary>
    public async Task RestartAsync(TimeSpan timeout)
    {
        await KillAsync();
        StartProcess();
        await HttpHealth.WaitAsync($"http://127.0.0.1:{AppPort}/healthz", HttpStatusCode.OK, _process!, timeout);
    }

    public async ValueTask DisposeAsync()
    {
        await Sidecar.DisposeAsync();
        await KillAsync();
        Channel.Dispose();
        await Store.DisposeAsync();
    }

    private void StartProcess()
    {
        if (IsRunning)
        {
            throw new InvalidOperationException($"{Name} is already running");
        }

        _process = ChildProcess.Start(Name, ProcessLaunch.Dotnet(_assemblyPath, [], _environment), Output);
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
