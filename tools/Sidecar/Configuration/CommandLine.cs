using System.Globalization;

namespace Accreditation.Sidecar.Configuration;

/// <summary>Reads daprd-style flags (<c>--app-id x</c> or <c>--app-id=x</c>) and the DAPR_API_TOKEN / APP_API_TOKEN variables.</summary>
public static class CommandLine
{
    public const string Usage = """
        Accreditation.Sidecar: a local stand-in for daprd (pub/sub over Redis Streams only).
          --app-id <id>                 required; publisher source and consumer group
          --app-port <port>             app HTTP port for /dapr/subscribe and delivery (omit: no subscriptions)
          --app-channel-address <host>  app host (default 127.0.0.1)
          --dapr-grpc-port <port>       gRPC API, h2c (default 50001)
          --dapr-http-port <port>       HTTP API (default 3500)
          --dapr-listen-addresses <ip>  address the API listens on (default 127.0.0.1)
          --resources-path <dir>        Dapr component YAML files (alias --components-path)
          --redis-host <host:port>      overrides redisHost of pubsub.redis components
          --processing-timeout <dur>    overrides processingTimeout (e.g. 60s)
          --redeliver-interval <dur>    overrides redeliverInterval (e.g. 15s)
          --delivery-timeout <dur>      bound on one delivery attempt (default: the component's
                                        inbound resiliency timeout, else 60s)
          --retry-count <n>             delivery retries after the first attempt (default 3)
          --retry-backoff <dur>         wait between delivery retries (default 1s)
          --poll-interval <dur>         idle stream poll interval (default 100ms)
          --log-level <level>           debug, info (default), warn or error
        Environment: DAPR_API_TOKEN (required on API calls when set), APP_API_TOKEN (sent to the app).
        Other daprd flags (--app-protocol http, --config, ...) are accepted and ignored.
        """;

    private static readonly HashSet<string> IgnoredFlags = new(StringComparer.Ordinal)
    {
        "--app-protocol", "--config", "--enable-api-logging", "--metrics-port",
        "--enable-metrics", "--placement-host-address", "--dapr-internal-grpc-port", "--app-max-concurrency",
        "--log-as-json", "--enable-app-health-check", "--app-health-check-path", "--dapr-http-max-request-size",
        "--mode", "--profile-port", "--enable-profiling",
    };

    /// <summary>Builds options from arguments and an environment lookup; throws <see cref="ArgumentException"/> on bad input.</summary>
    public static SidecarOptions Parse(IReadOnlyList<string> args, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(environment);
        var values = ReadFlags(args);
        string? Take(params string[] names)
        {
            string? found = null;
            foreach (var name in names)
            {
                if (values.Remove(name, out var v))
                {
                    found = v;
                }
            }

            return found;
        }

        var appId = Take("--app-id");
        if (string.IsNullOrWhiteSpace(appId))
        {
            throw new ArgumentException("--app-id is required");
        }

        var options = new SidecarOptions
        {
            AppId = appId,
            AppPort = Port(Take("--app-port"), "--app-port"),
            AppHost = Take("--app-channel-address") ?? "127.0.0.1",
            GrpcPort = Port(Take("--dapr-grpc-port"), "--dapr-grpc-port") ?? 50001,
            HttpPort = Port(Take("--dapr-http-port"), "--dapr-http-port") ?? 3500,
            ListenAddress = Take("--dapr-listen-addresses") ?? "127.0.0.1",
            ResourcesPath = Take("--resources-path", "--components-path"),
            RedisHost = Take("--redis-host"),
            ProcessingTimeout = Duration(Take("--processing-timeout"), "--processing-timeout"),
            RedeliverInterval = Duration(Take("--redeliver-interval"), "--redeliver-interval"),
            DeliveryTimeout = Duration(Take("--delivery-timeout"), "--delivery-timeout"),
            RetryCount = Count(Take("--retry-count"), "--retry-count"),
            RetryBackoff = Duration(Take("--retry-backoff"), "--retry-backoff"),
            LogLevel = Level(Take("--log-level")),
            PollInterval = Duration(Take("--poll-interval"), "--poll-interval") ?? TimeSpan.FromMilliseconds(100),
            ApiToken = NullIfEmpty(environment("DAPR_API_TOKEN")),
            AppApiToken = NullIfEmpty(environment("APP_API_TOKEN")),
        };

        var protocol = values.GetValueOrDefault("--app-protocol");
        if (protocol is not null && protocol != "http")
        {
            throw new ArgumentException($"--app-protocol {protocol} is not supported; the stand-in delivers over http only");
        }

        var unknown = values.Keys.Where(k => !IgnoredFlags.Contains(k)).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"unknown flag(s): {string.Join(", ", unknown)}");
        }

        return options;
    }

    private static Dictionary<string, string> ReadFlags(IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal) && !arg.StartsWith('-'))
            {
                throw new ArgumentException($"unexpected argument '{arg}'");
            }

            // daprd (Go flag package) accepts -flag as well as --flag.
            var flag = arg.StartsWith("--", StringComparison.Ordinal) ? arg : "-" + arg;
            var eq = flag.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0)
            {
                values[flag[..eq]] = flag[(eq + 1)..];
            }
            else if (i + 1 < args.Count && !args[i + 1].StartsWith('-'))
            {
                values[flag] = args[++i];
            }
            else
            {
                values[flag] = "true";
            }
        }

        return values;
    }

    private static int? Port(string? text, string flag)
    {
        if (text is null)
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is >= 0 and <= 65535
            ? port
            : throw new ArgumentException($"{flag}: '{text}' is not a port");
    }

    private static int? Count(string? text, string flag)
    {
        if (text is null)
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw new ArgumentException($"{flag}: '{text}' is not a non-negative integer");
    }

    private static TimeSpan? Duration(string? text, string flag)
    {
        if (text is null)
        {
            return null;
        }

        return GoDuration.TryParse(text, out var value)
            ? value
            : throw new ArgumentException($"{flag}: '{text}' is not a duration (use e.g. 500ms, 15s)");
    }

    private static LogLevel Level(string? text) => text?.ToUpperInvariant() switch
    {
        null or "INFO" => LogLevel.Information,
        "DEBUG" => LogLevel.Debug,
        "WARN" or "WARNING" => LogLevel.Warning,
        "ERROR" or "FATAL" => LogLevel.Error,
        _ => throw new ArgumentException($"--log-level: '{text}' is not one of debug, info, warn, error"),
    };

    private static string? NullIfEmpty(string? s) => string.IsNullOrEmpty(s) ? null : s;
}
