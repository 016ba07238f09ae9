namespace Accreditation.Sidecar.CloudEvents;

/// <summary>Request and subscription metadata keys Dapr gives a meaning to.</summary>
public static class MetadataKeys
{
    public const string RawPayload = "rawPayload";
    public const string TtlInSeconds = "ttlInSeconds";
    public const string CloudEventId = "cloudevent.id";
    public const string CloudEventSource = "cloudevent.source";
    public const string CloudEventType = "cloudevent.type";
    public const string CloudEventSubject = "cloudevent.subject";
    public const string CloudEventTraceParent = "cloudevent.traceparent";
    public const string CloudEventTraceId = "cloudevent.traceid";
    public const string CloudEventTraceState = "cloudevent.tracestate";

    public static bool IsTrue(IReadOnlyDictionary<string, string> metadata, string key)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        return metadata.TryGetValue(key, out var value) && bool.TryParse(value, out var flag) && flag;
    }
}
