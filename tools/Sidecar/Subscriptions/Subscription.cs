namespace Accreditation.Sidecar.Subscriptions;

/// <summary>One programmatic subscription as the app declared it in GET /dapr/subscribe.</summary>
public sealed record Subscription
{
    public required string PubSubName { get; init; }

    public required string Topic { get; init; }

    /// <summary>Path on the app that receives the events, always starting with "/".</summary>
    public required string Route { get; init; }

    public string? DeadLetterTopic { get; init; }

    /// <summary>Entries are not CloudEvents: deliver them wrapped as data_base64, as daprd does for rawPayload.</summary>
    public bool RawPayload { get; init; }

    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();
}
