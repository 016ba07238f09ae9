namespace Accreditation.Sidecar.Delivery;

/// <summary>The HTTP request body for one delivery, or why the entry cannot be delivered.</summary>
public sealed record PreparedDelivery
{
    public byte[] Body { get; init; } = [];

    public string ContentType { get; init; } = CloudEvents.ContentTypes.CloudEventsJson;

    /// <summary>The CloudEvent id, for logs and deduplication by the app.</summary>
    public string? EventId { get; init; }

    /// <summary>Sent to the app as the traceparent header.</summary>
    public string? TraceParent { get; init; }

    /// <summary>Sent to the app as the tracestate header when not empty.</summary>
    public string? TraceState { get; init; }

    /// <summary>The event's expiration attribute (set from ttlInSeconds at publish), if any.</summary>
    public string? Expiration { get; init; }

    /// <summary>The expiration has passed: the event is not delivered (dead-lettered when the subscription has a dead-letter topic).</summary>
    public bool Expired { get; init; }

    /// <summary>Set when the entry is not a CloudEvent although the subscription expects one.</summary>
    public string? Error { get; init; }
}
