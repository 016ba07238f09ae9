using Accreditation.Sidecar.Configuration;

namespace Accreditation.Sidecar.Components;

/// <summary>A pubsub.redis component as daprd would configure it, with Dapr's defaults filled in.</summary>
public sealed record PubSubComponent
{
    public static readonly TimeSpan DefaultProcessingTimeout = TimeSpan.FromSeconds(60);
    public static readonly TimeSpan DefaultRedeliverInterval = TimeSpan.FromSeconds(15);

    /// <summary>
    /// The stand-in's bound on one delivery attempt when nothing sets one. daprd has none by default
    /// (an attempt waits for the app unless a resiliency timeout policy applies); the stand-in caps it
    /// so a hung app cannot hold an entry forever.
    /// </summary>
    public static readonly TimeSpan DefaultDeliveryTimeout = TimeSpan.FromSeconds(60);

    public required string Name { get; init; }

    public string RedisHost { get; init; } = "localhost:6379";

    public string? RedisPassword { get; init; }

    public string? RedisUsername { get; init; }

    public int RedisDb { get; init; }

    public bool EnableTls { get; init; }

    /// <summary>Consumer group and consumer name; the app id unless the component sets consumerID.</summary>
    public string? ConsumerId { get; init; }

    /// <summary>How long an entry stays pending before another read claims it; zero disables redelivery.</summary>
    public TimeSpan ProcessingTimeout { get; init; } = DefaultProcessingTimeout;

    /// <summary>How often pending entries are checked; zero disables redelivery.</summary>
    public TimeSpan RedeliverInterval { get; init; } = DefaultRedeliverInterval;

    /// <summary>Most entries read at once.</summary>
    public int QueueDepth { get; init; } = 100;

    /// <summary>
    /// XADD MAXLEN ~ bound; zero means unbounded. Trims by count, so it can drop entries a consumer
    /// group has not read yet (e.g. while a subscriber is down); prefer <see cref="StreamTtl"/>.
    /// Wins over <see cref="StreamTtl"/> when both are set, as in daprd.
    /// </summary>
    public long MaxLenApprox { get; init; }

    /// <summary>
    /// pubsub.redis streamTTL: each XADD trims entries older than this (XADD ... MINID ~ &lt;now - ttl in ms&gt;-1,
    /// as daprd writes it); zero means no trimming by age.
    /// </summary>
    public TimeSpan StreamTtl { get; init; }

    /// <summary>Every spec.metadata value as written (secret references left out); names match case-insensitively, as in daprd.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Topic scoping for this app (publishingScopes, subscriptionScopes, allowedTopics, protectedTopics); set by <see cref="Configuration.SettingsResolver"/>.</summary>
    public TopicScopes Scopes { get; init; } = TopicScopes.Unrestricted;

    /// <summary>Inbound retry policy from a Resiliency resource targeting this component, if any.</summary>
    public RetrySettings? InboundRetry { get; init; }

    /// <summary>Inbound timeout policy from a Resiliency resource targeting this component, if any: daprd's bound on one delivery attempt.</summary>
    public TimeSpan? InboundTimeout { get; init; }

    /// <summary>
    /// How long one HTTP delivery attempt may take before it counts as failed and is retried:
    /// --delivery-timeout, else the inbound timeout policy, else <see cref="DefaultDeliveryTimeout"/>.
    /// Never <see cref="ProcessingTimeout"/>, which only decides when a pending entry is reclaimed.
    /// </summary>
    public TimeSpan DeliveryTimeout { get; init; } = DefaultDeliveryTimeout;

    /// <summary>StackExchange.Redis configuration string for this component.</summary>
    public string ToRedisConfiguration()
    {
        var parts = new List<string> { RedisHost, "abortConnect=false" };
        if (!string.IsNullOrEmpty(RedisPassword))
        {
            parts.Add("password=" + RedisPassword);
        }

        if (!string.IsNullOrEmpty(RedisUsername))
        {
            parts.Add("user=" + RedisUsername);
        }

        if (RedisDb != 0)
        {
            parts.Add("defaultDatabase=" + RedisDb.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (EnableTls)
        {
            parts.Add("ssl=true");
        }

        return string.Join(',', parts);
    }
}
