namespace Accreditation.System.Tests.Infrastructure;

/// <summary>
/// The one place that decides which sidecar binary runs: a real daprd when $DAPRD names one or
/// daprd is on PATH (unless ACCREDITATION_SIDECAR=stand-in), otherwise the stand-in in
/// tools/Sidecar. Both get the same daprd flags and the same resources folder.
/// </summary>
public sealed class SidecarLauncher
{
    public const string StandInProject = "tools/Sidecar";
    public const string StandInAssembly = "Accreditation.Sidecar.dll";

    private static readonly IReadOnlyDictionary<string, string?> ClearedVariables = new Dictionary<string, string?>
    {
        ["DAPR_API_TOKEN"] = null,
        ["APP_API_TOKEN"] = null,
    };

    private readonly RepositoryLayout _layout;
    private readonly string _resourcesPath;
    private readonly SidecarTimings _timings;
    private readonly string? _daprd;

    private SidecarLauncher(RepositoryLayout layout, string resourcesPath, SidecarTimings timings, string? daprd)
    {
        _layout = layout;
        _resourcesPath = resourcesPath;
        _timings = timings;
        _daprd = daprd;
    }

    /// <summary>"daprd (path)" or "stand-in (tools/Sidecar)", for logs and failure messages.</summary>
    public string Description => _daprd is null ? $"stand-in ({StandInProject})" : $"daprd ({_daprd})";

    public static SidecarLauncher Create(RepositoryLayout layout, string resourcesPath, SidecarTimings timings) =>
        new(layout, resourcesPath, timings, FindDaprd());

    public ProcessLaunch For(SidecarPorts ports)
    {
        ArgumentNullException.ThrowIfNull(ports);
        List<string> common =
        [
            "--app-id", ports.AppId,
            "--app-port", Text(ports.AppPort),
            "--dapr-grpc-port", Text(ports.GrpcPort),
            "--dapr-http-port", Text(ports.HttpPort),
            "--resources-path", _resourcesPath,
        ];
        if (_daprd is not null)
        {
            return new ProcessLaunch(
                _daprd,
                [
                    .. common,
                    "--app-protocol", "http",
                    "--dapr-internal-grpc-port", Text(ports.InternalGrpcPort),
                    "--metrics-port", Text(ports.MetricsPort),
                    "--log-level", "warn",
                ],
                _layout.Root,
                TokensOf(ports));
        }

        return ProcessLaunch.Dotnet(
            _layout.AssemblyOf(StandInProject, StandInAssembly),
            [
                .. common,
                "--processing-timeout", SidecarTimings.Go(_timings.ProcessingTimeout),
                "--redeliver-interval", SidecarTimings.Go(_timings.RedeliverInterval),
                "--retry-backoff", SidecarTimings.Go(_timings.RetryBackoff),
                "--retry-count", Text(_timings.RetryCount),
            ],
            TokensOf(ports));
    }

    /// <summary>The sidecar's token variables, as daprd reads them: set to the pair's tokens, or cleared.</summary>
    private static Dictionary<string, string?> TokensOf(SidecarPorts ports) => new Dictionary<string, string?>(ClearedVariables)
    {
        ["APP_API_TOKEN"] = ports.AppToken,
        ["DAPR_API_TOKEN"] = ports.ApiToken,
    };

    private static string Text(int value) => value.ToString(global::System.Globalization.CultureInfo.InvariantCulture);

    private static string? FindDaprd()
    {
        if (Environment.GetEnvironmentVariable("ACCREDITATION_SIDECAR") == "stand-in")
        {
            return null;
        }

        var named = Environment.GetEnvironmentVariable("DAPRD");
        if (!string.IsNullOrEmpty(named))
        {
            return File.Exists(named) ? Path.GetFullPath(named) : throw new FileNotFoundException($"$DAPRD names {named}, which does not exist", named);
        }

        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, "daprd"))
            .FirstOrDefault(File.Exists);
    }
}
