namespace Accreditation.Sidecar.Configuration;

/// <summary>
/// Everything one stand-in instance needs, as daprd would be configured for one app.
/// Built from the command line by <see cref="CommandLine"/> or directly by tests.
/// </summary>
public sealed record SidecarOptions
{
    /// <summary>The app id: CloudEvent source, and the Redis consumer group unless the component sets consumerID.</summary>
    public required string AppId { get; init; }

    /// <summary>The app's HTTP port for subscription discovery and delivery; null when the app subscribes to nothing.</summary>
    public int? AppPort { get; init; }

    /// <summary>Host the app listens on.</summary>
    public string AppHost { get; init; } = "127.0.0.1";

    /// <summary>gRPC API port (h2c). 0 lets the OS choose.</summary>
    public int GrpcPort { get; init; } = 50001;

    /// <summary>HTTP API port. 0 lets the OS choose.</summary>
    public int HttpPort { get; init; } = 3500;

    /// <summary>Address the API ports listen on.</summary>
    public string ListenAddress { get; init; } = "127.0.0.1";

    /// <summary>Folder of Dapr component YAML files; null means only <see cref="RedisHost"/> is used.</summary>
    public string? ResourcesPath { get; init; }

    /// <summary>Overrides the redisHost of every pubsub.redis component (host:port).</summary>
    public string? RedisHost { get; init; }

    /// <summary>Name of the pub/sub component used when no resources folder gives one.</summary>
    public string DefaultPubSubName { get; init; } = "pubsub";

    /// <summary>Overrides the component's processingTimeout.</summary>
    public TimeSpan? ProcessingTimeout { get; init; }

    /// <summary>Overrides the component's redeliverInterval.</summary>
    public TimeSpan? RedeliverInterval { get; init; }

    /// <summary>
    /// Overrides how long one HTTP delivery attempt may take (otherwise the component's inbound
    /// resiliency timeout policy, else 60s). Independent of <see cref="ProcessingTimeout"/>.
    /// </summary>
    public TimeSpan? DeliveryTimeout { get; init; }

    /// <summary>Retries of one delivery after the first attempt, before dead-lettering or leaving the entry pending.</summary>
    public int? RetryCount { get; init; }

    /// <summary>Constant wait between delivery retries.</summary>
    public TimeSpan? RetryBackoff { get; init; }

    /// <summary>How long an idle poll of a stream waits before reading again.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>How long to wait between attempts to read the app's subscriptions.</summary>
    public TimeSpan DiscoveryRetryInterval { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>When set, every API call except health must carry it in the dapr-api-token header (DAPR_API_TOKEN).</summary>
    public string? ApiToken { get; init; }

    /// <summary>Lowest level logged (daprd's --log-level: debug, info, warn, error).</summary>
    public LogLevel LogLevel { get; init; } = LogLevel.Information;

    /// <summary>When set, sent to the app in the dapr-api-token header (APP_API_TOKEN).</summary>
    public string? AppApiToken { get; init; }
}
