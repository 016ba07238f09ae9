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

        var trace = metadata.GetValueOrDefault(MetadataKeys.CloudEventTraceParent)
            ?? metadata.GetValueOrDefault(MetadataKeys.CloudEventTraceId)
            ?? traceParent;
        var traceState = metadata.GetValueOrDefault(MetadataKeys.CloudEventTraceState) ?? message.TraceState ?? "";
        var expiration = Expiration(metadata, now);
        return ContentTypes.IsCloudEvent(message.DataContentType)
            ? Complete(message, now, trace, traceState, expiration)
            : Envelope(message, source, now, trace, traceState, expiration);
    }

    /// <summary>A new W3C traceparent with random trace and span ids, sampled.</summary>
    public static string NewTraceParent() =>
        string.Create(CultureInfo.InvariantCulture, $"00-{Guid.NewGuid():N}-{Guid.NewGuid().ToString("N")[..16]}-01");

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
            writer.WriteString("id", NonEmpty(metadata.GetValueOrDefault(MetadataKeys.CloudEventId)) ?? Guid.NewGuid().ToString());
            writer.WriteString("source", NonEmpty(metadata.GetValueOrDefault(MetadataKeys.CloudEventSource)) ?? source);
            writer.WriteString("type", NonEmpty(metadata.GetValueOrDefault(MetadataKeys.CloudEventType)) ?? DefaultType);
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

            if (NonEmpty(metadata.GetValueOrDefault(MetadataKeys.CloudEventSubject)) is { } subject)
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

            // As daprd: topic, pubsubname and trace fields are the sidecar's; the rest is the publisher's,
            // with defaults for what it left out.
            string[] replaced = ["topic", "pubsubname", "traceid", "traceparent", "tracestate"];
            var root = document.RootElement;
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
                writer.WriteString("traceid", trace);
                writer.WriteString("traceparent", trace);
                writer.WriteString("tracestate", traceState);
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

    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
