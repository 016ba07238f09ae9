using System.Globalization;
using System.Text;
using Accreditation.BuildingBlocks.Auth;
using Accreditation.Contracts.Enrolment.V1;
using Accreditation.System.Tests.Infrastructure;
using Accreditation.System.Tests.Probe;
using Accreditation.TestSupport;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Accreditation.System.Tests;

/// <summary>
/// The whole system as separate processes on free loopback ports, started once per test
/// collection: a broker redis-server, and for every service in <see cref="Services"/> its own
/// store redis-server, its sidecar process and the service process (environment as run.sh sets
/// it); plus the <see cref="ProbeSubscriber"/> with its own sidecar. Tests talk to the services
/// through their public gRPC APIs only and assert what the probe received.
/// Everything is killed (whole process trees) on dispose.
/// </summary>
public sealed class SystemUnderTest : IAsyncLifetime
{
    /// <summary>The services the system tests run. A new service is one more line here (and a
    /// ReferenceOutputAssembly="false" project reference in the csproj so it is built first).</summary>
    public static readonly IReadOnlyList<ServiceDefinition> Services =
    [
        ServiceDefinition.Enrolment,
        ServiceDefinition.Testing,
        ServiceDefinition.Observation,
        ServiceDefinition.Reporting,
    ];

    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private readonly Dictionary<string, ServiceInstance> _services = new(StringComparer.Ordinal);
    private RedisProcess? _broker;
    private StackExchange.Redis.ConnectionMultiplexer? _brokerConnection;
    private string? _folder;
    private bool _disposed;

    public RepositoryLayout Layout { get; } = RepositoryLayout.Locate();

    /// <summary>Where every process's output is written when the system stops (bin/.../system-logs).</summary>
    public string LogFolder { get; } = Path.Combine(AppContext.BaseDirectory, "system-logs");

    /// <summary>Signs development tokens; every service validates with it (Auth__SigningKey).</summary>
    public AuthOptions Auth { get; } = new() { SigningKey = "system-tests-" + Guid.NewGuid().ToString("N") };

    public SidecarLauncher Sidecars { get; private set; } = null!;

    public ProbeSubscriber Probe { get; private set; } = null!;

    public SidecarInstance ProbeSidecar { get; private set; } = null!;

    public RedisProcess Broker => _broker ?? throw new InvalidOperationException("not started");

    public ServiceInstance Enrolment => Service(ServiceDefinition.Enrolment.AppId);

    public ServiceInstance Testing => Service(ServiceDefinition.Testing.AppId);

    public ServiceInstance Observation => Service(ServiceDefinition.Observation.AppId);

    public ServiceInstance Reporting => Service(ServiceDefinition.Reporting.AppId);

    /// <summary>The pub/sub broker's Redis (streams per topic, consumer groups per app).</summary>
    public StackExchange.Redis.IDatabase BrokerDatabase => (_brokerConnection ??= StackExchange.Redis.ConnectionMultiplexer.Connect(Broker.ConnectionString)).GetDatabase();

    /// <summary>Configuration every service process gets on top of run.sh's environment.</summary>
    public IReadOnlyDictionary<string, string> SharedSettings => new Dictionary<string, string>
    {
        ["Auth__SigningKey"] = Auth.SigningKey!,
        ["Outbox__PollInterval"] = "00:00:00.100",
        ["Outbox__RetryBaseDelay"] = "00:00:00.050",
        ["Outbox__AttemptTimeout"] = "00:00:03",
        ["Outbox__CircuitBreakDuration"] = "00:00:01",
        // A killed process keeps the dispatch lease until it expires; keep that short.
        ["Outbox__LeaseDuration"] = "00:00:03",
    };

    public ServiceInstance Service(string appId) =>
        _services.TryGetValue(appId, out var service) ? service : throw new KeyNotFoundException($"no service {appId} in the system under test");

    public async Task InitializeAsync()
    {
        _folder = Directory.CreateTempSubdirectory("accreditation-system-tests-").FullName;
        try
        {
            _broker = await RedisProcess.StartAsync();
            var resources = PubSubComponent.WriteResourcesFolder(Layout, Path.Combine(_folder, "components"), Broker.ConnectionString, SidecarTimings.Fast);
            Sidecars = SidecarLauncher.Create(Layout, resources, SidecarTimings.Fast);

            Probe = await ProbeSubscriber.StartAsync(IntegrationEventCatalogue.Topics);
            ProbeSidecar = new SidecarInstance(Sidecars, SidecarPorts.For(ProbeSubscriber.AppId, Probe.Port, withTokens: false));
            ProbeSidecar.Start();

            var shared = SharedSettings;
            foreach (var definition in Services)
            {
                var service = await ServiceInstance.CreateAsync(definition, Layout, Sidecars, shared);
                _services.Add(definition.AppId, service);
                service.Start();
            }

            await Task.WhenAll(_services.Values.Select(s => s.WaitHealthyAsync(StartTimeout)).Append(ProbeSidecar.WaitHealthyAsync(StartTimeout)));
        }
        catch (Exception e)
        {
            var diagnostics = Diagnostics();
            await DisposeAsync();
            throw new InvalidOperationException($"the system did not start: {e.Message}\n{diagnostics}", e);
        }
    }

    public async Task DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        foreach (var service in _services.Values)
        {
            await service.DisposeAsync();
        }

        if (ProbeSidecar is not null)
        {
            await ProbeSidecar.DisposeAsync();
        }

        if (Probe is not null)
        {
            await Probe.DisposeAsync();
        }

        try
        {
            WriteLogs();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Logs are a convenience; another run may be writing the same folder.
        }

        if (_brokerConnection is not null)
        {
            await _brokerConnection.DisposeAsync();
        }

        if (_broker is not null)
        {
            await _broker.DisposeAsync();
        }

        if (_folder is not null && Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    /// <summary>A development bearer token, signed with this system's key.</summary>
    public string Token(string scope, string? localAuthority) =>
        DevelopmentTokens.Mint(Auth, "system-tests", [scope], localAuthority, TimeSpan.FromHours(1));

    /// <summary>The council HR API as a council's HR system of <paramref name="localAuthority"/> calls it.</summary>
    public EnrolmentService.EnrolmentServiceClient EnrolmentClient(string localAuthority) =>
        new(Authorised(Enrolment, Scopes.EnrolmentHr, localAuthority));

    /// <summary>A call invoker on a service's gRPC API that sends a bearer token with every call.</summary>
    public CallInvoker Authorised(ServiceInstance service, string scope, string? localAuthority) =>
        Invoker(service, Token(scope, localAuthority));

    /// <summary>A call invoker whose token's subject is <paramref name="subject"/> (an assessor's id, a provider).</summary>
    public CallInvoker AuthorisedAs(ServiceInstance service, string subject, string scope) =>
        Invoker(service, DevelopmentTokens.Mint(Auth, subject, [scope], null, TimeSpan.FromHours(1)));

    private static CallInvoker Invoker(ServiceInstance service, string token)
    {
        ArgumentNullException.ThrowIfNull(service);
        var bearer = "Bearer " + token;
        return service.Channel.CreateCallInvoker().Intercept(headers =>
        {
            headers.Add("authorization", bearer);
            return headers;
        });
    }

    /// <summary>Polls until <paramref name="condition"/> holds; on timeout the failure shows what the probe got and every process's last output.</summary>
    public async Task WaitUntilAsync(Func<bool> condition, string what, TimeSpan? timeout = null)
    {
        try
        {
            await Eventually.WaitUntilAsync(condition, what, timeout ?? TimeSpan.FromSeconds(30));
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{e.Message}\n{Diagnostics()}", e);
        }
    }

    private void WriteLogs()
    {
        if (Directory.Exists(LogFolder))
        {
            Directory.Delete(LogFolder, recursive: true);
        }

        Directory.CreateDirectory(LogFolder);
        foreach (var service in _services.Values)
        {
            File.WriteAllLines(Path.Combine(LogFolder, service.Name + ".log"), service.Output.Lines());
            File.WriteAllLines(Path.Combine(LogFolder, service.Name + "-sidecar.log"), service.Sidecar.Output.Lines());
        }

        if (ProbeSidecar is not null)
        {
            File.WriteAllLines(Path.Combine(LogFolder, "probe-sidecar.log"), ProbeSidecar.Output.Lines());
        }

        if (Probe is not null)
        {
            File.WriteAllLines(Path.Combine(LogFolder, "probe-received.log"), Probe.Received.Select(e => e.ToString()).Concat(Probe.Rejected.Select(r => "rejected: " + r)));
        }
    }

    /// <summary>What the probe received and the tail of every process's output.</summary>
    public string Diagnostics(int lines = 30)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"sidecars: {Sidecars?.Description ?? "not chosen yet"}; build {Layout.Configuration}; full logs in {LogFolder} once the collection ends");
        if (Probe is not null)
        {
            text.Append(Probe.Describe());
        }

        foreach (var service in _services.Values)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"--- {service.Name} (gRPC {service.GrpcPort}, app {service.AppPort}, store {service.Store.Port}):");
            text.Append(service.Output.Last(lines));
            text.AppendLine(CultureInfo.InvariantCulture, $"--- {service.Sidecar.Name}:");
            text.Append(service.Sidecar.Output.Last(lines));
        }

        if (ProbeSidecar is not null)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"--- {ProbeSidecar.Name}:");
            text.Append(ProbeSidecar.Output.Last(lines));
        }

        return text.ToString();
    }
}
