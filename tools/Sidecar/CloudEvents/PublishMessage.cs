namespace Accreditation.Sidecar.CloudEvents;

/// <summary>One event as a publisher handed it to the sidecar (gRPC or HTTP), before it is enveloped.</summary>
public sealed record PublishMessage
{
    public required string PubSubName { get; init; }

    public required string Topic { get; init; }

    public ReadOnlyMemory<byte> Data { get; init; }

    public string? DataContentType { get; init; }

    /// <summary>Request metadata: cloudevent.* overrides, rawPayload, ttlInSeconds; also stored with the entry.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();

    /// <summary>W3C traceparent of the publish call, if the caller sent one.</summary>
    public string? TraceParent { get; init; }

    public string? TraceState { get; init; }
}
