using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Accreditation.Sidecar.CloudEvents;

/// <summary>
/// Builds the bytes daprd stores for a published event: a CloudEvents 1.0 JSON envelope (id, source
/// = publisher app id, type, specversion, datacontenttype, data or data_base64, subject, topic,
/// pubsubname, traceid, traceparent, tracestate, time, expiration), the publisher's own envelope
/// completed when it sent application/cloudevents+json, or the data untouched when the request
/// metadata says rawPayload=true.
/// <para>
/// Trace context exactly as daprd writes it, with the publish request's context (its traceparent and
/// tracestate headers) standing in for daprd's own span: for an envelope the sidecar builds,
/// <c>cloudevent.traceid</c> and then <c>cloudevent.traceparent</c> metadata override the request's
/// traceparent and <c>cloudevent.tracestate</c> its tracestate; traceid and traceparent are then the
/// same value. For the publisher's own application/cloudevents+json envelope the metadata does not
/// apply (as in daprd): its traceid (and traceparent) and tracestate are kept when present, and only
/// what is missing comes from the request. Metadata names match case-insensitively, as in daprd.
/// </para>
/// </summary>
public static class CloudEventBuilder
{
    public const string DefaultType = "com.dapr.event.sent";
    public const string SpecVersion = "1.0";

    /// <summary>Builds the stored form of <paramref name="message"/>; throws <see cref="FormatException"/> for a malformed CloudEvent.</summary>
    public static byte[] Build(PublishMessage message, string source, DateTimeOffset now, string traceParent)
    {
        ArgumentNullException.ThrowIfNull(message);
        var metadata = message.Metadata;
        if (MetadataKeys.IsTrue(metadata, MetadataKeys.RawPayload))
        {
            return message.Data.ToArray();
        }

        var expiration = Expiration(metadata, now);
        var requestTraceState = message.TraceState ?? "";
        if (ContentTypes.IsCloudEvent(message.DataContentType))
        {
            return Complete(message, now, traceParent, requestTraceState, expiration);
        }

        var trace = Meta(metadata, MetadataKeys.CloudEventTraceParent)
            ?? Meta(metadata, MetadataKeys.CloudEventTraceId)
            ?? traceParent;
        var traceState = Meta(metadata, MetadataKeys.CloudEventTraceState) ?? requestTraceState;
        return Envelope(message, source, now, trace, traceState, expiration);
    }

    /// <summary>Dapr's time format: RFC 3339 to the second.</summary>
    public static string FormatTime(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static byte[] Envelope(PublishMessage message, string source, DateTimeOffset now, string trace, string traceState, string? expiration)
    {
        var metadata = message.Metadata;
        var contentType = string.IsNullOrEmpty(message.DataContentType) ? ContentTypes.TextPlain : message.DataContentType;
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("id", Meta(metadata, MetadataKeys.CloudEventId) ?? Guid.NewGuid().ToString());
            writer.WriteString("source", Meta(metadata, MetadataKeys.CloudEventSource) ?? source);
            writer.WriteString("type", Meta(metadata, MetadataKeys.CloudEventType) ?? DefaultType);
            writer.WriteString("specversion", SpecVersion);
            writer.WriteString("datacontenttype", contentType);
            if (ContentTypes.IsJson(contentType) && IsJsonValue(message.Data.Span))
            {
                writer.WritePropertyName("data");
                writer.WriteRawValue(message.Data.Span, skipInputValidation: true);
            }
            else if (ContentTypes.IsBinary(contentType))
            {
                writer.WriteBase64String("data_base64", message.Data.Span);
            }
            else
            {
                writer.WriteString("data", Encoding.UTF8.GetString(message.Data.Span));
            }

            if (Meta(metadata, MetadataKeys.CloudEventSubject) is { } subject)
            {
                writer.WriteString("subject", subject);
            }

            writer.WriteString("topic", message.Topic);
            writer.WriteString("pubsubname", message.PubSubName);
            writer.WriteString("traceid", trace);
            writer.WriteString("traceparent", trace);
            writer.WriteString("tracestate", traceState);
            writer.WriteString("time", FormatTime(now));
            if (expiration is not null)
            {
                writer.WriteString("expiration", expiration);
            }

            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static byte[] Complete(PublishMessage message, DateTimeOffset now, string trace, string traceState, string? expiration)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(message.Data);
        }
        catch (JsonException e)
        {
            throw new FormatException("the event is sent as application/cloudevents+json but is not JSON: " + e.Message, e);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException("the event is sent as application/cloudevents+json but is not a JSON object");
            }

            // As daprd (FromCloudEvent): topic and pubsubname are the sidecar's; the rest is the publisher's,
            // with defaults for what it left out. The trace pair is the publisher's when it set traceid,
            // else both come from the request; tracestate likewise.
            var root = document.RootElement;
            var ownTrace = root.TryGetProperty(TraceContext.TraceIdField, out _);
            var ownTraceState = root.TryGetProperty(TraceContext.TraceStateField, out _);
            List<string> replaced = ["topic", "pubsubname"];
            if (!ownTrace)
            {
                replaced.AddRange([TraceContext.TraceIdField, TraceContext.TraceParentField]);
            }

            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartObject();
                foreach (var property in root.EnumerateObject())
                {
                    if (!replaced.Contains(property.Name, StringComparer.Ordinal)
                        && !(property.Name == "expiration" && expiration is not null))
                    {
                        property.WriteTo(writer);
                    }
                }

                WriteIfMissing(writer, root, "id", Guid.NewGuid().ToString());
                WriteIfMissing(writer, root, "source", "Dapr");
                WriteIfMissing(writer, root, "type", DefaultType);
                WriteIfMissing(writer, root, "specversion", SpecVersion);
                WriteIfMissing(writer, root, "time", FormatTime(now));
                writer.WriteString("topic", message.Topic);
                writer.WriteString("pubsubname", message.PubSubName);
                if (!ownTrace)
                {
                    writer.WriteString(TraceContext.TraceIdField, trace);
                    writer.WriteString(TraceContext.TraceParentField, trace);
                }

                if (!ownTraceState)
                {
                    writer.WriteString(TraceContext.TraceStateField, traceState);
                }

                if (expiration is not null)
                {
                    writer.WriteString("expiration", expiration);
                }

                writer.WriteEndObject();
            }

            return buffer.ToArray();
        }
    }

    private static void WriteIfMissing(Utf8JsonWriter writer, JsonElement root, string name, string value)
    {
        if (!root.TryGetProperty(name, out var existing) || existing.ValueKind == JsonValueKind.Null)
        {
            writer.WriteString(name, value);
        }
    }

    private static string? Expiration(IReadOnlyDictionary<string, string> metadata, DateTimeOffset now) =>
        metadata.TryGetValue(MetadataKeys.TtlInSeconds, out var ttl)
        && long.TryParse(ttl, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds) && seconds > 0
            ? FormatTime(now.AddSeconds(seconds))
            : null;

    private static bool IsJsonValue(ReadOnlySpan<byte> data)
    {
        if (data.IsEmpty)
        {
            return false;
        }

        try
        {
            var reader = new Utf8JsonReader(data);
            reader.Read();
            reader.Skip();

            // Anything after the first value makes it not a single JSON value.
            return !reader.Read();
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>A cloudevent.* override: exact name first, then any case (daprd decodes them case-insensitively); empty counts as absent.</summary>
    private static string? Meta(IReadOnlyDictionary<string, string> metadata, string key)
    {
        var value = metadata.TryGetValue(key, out var exact)
            ? exact
            : metadata.FirstOrDefault(kv => string.Equals(kv.Key, key, StringComparison.OrdinalIgnoreCase)).Value;
        return string.IsNullOrEmpty(value) ? null : value;
    }
}
