using System.Globalization;
using System.Text.Json;
using Accreditation.Sidecar.CloudEvents;
using Accreditation.Sidecar.Subscriptions;

namespace Accreditation.Sidecar.Delivery;

/// <summary>
/// Turns a stored entry into what the app receives, as daprd does. A normal subscription gets the
/// stored CloudEvent as it is (application/cloudevents+json). A rawPayload subscription treats the
/// entry as opaque bytes and gets them wrapped as daprd wraps them: a CloudEvent with a new id and
/// data_base64, plus the trace fields (traceid, traceparent, tracestate) from the entry's metadata.
/// The trace context sent to the app is the CloudEvent's traceparent (else its traceid) and
/// tracestate, falling back to the entry's metadata for what the CloudEvent lacks, as daprd does.
/// (daprd sends a child span of that traceparent, when its tracing is on; the stand-in has no spans
/// of its own and sends the CloudEvent's traceparent and tracestate unchanged.)
/// </summary>
public static class DeliveryPreparer
{
    /// <param name="stored">The entry's data field.</param>
    /// <param name="metadataJson">The entry's metadata field (JSON object of strings), if any.</param>
    /// <param name="subscription">The subscription the entry is delivered for.</param>
    /// <param name="now">For the expiration check.</param>
    public static PreparedDelivery Prepare(ReadOnlyMemory<byte> stored, string? metadataJson, Subscription subscription, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        var metadata = ReadMetadata(metadataJson);
        return subscription.RawPayload ? WrapRaw(stored, metadata, subscription) : FromCloudEvent(stored, metadata, now);
    }

    private static PreparedDelivery FromCloudEvent(ReadOnlyMemory<byte> stored, Dictionary<string, string> metadata, DateTimeOffset now)
    {
        try
        {
            using var document = JsonDocument.Parse(stored);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return new PreparedDelivery { Error = "the entry is not a CloudEvent (not a JSON object)" };
            }

            var expiration = Text(root, "expiration");
            return new PreparedDelivery
            {
                Body = stored.ToArray(),
                EventId = Text(root, "id"),
                TraceParent = NonEmpty(Text(root, TraceContext.TraceParentField))
                    ?? NonEmpty(metadata.GetValueOrDefault(TraceContext.TraceParentField))
                    ?? NonEmpty(Text(root, TraceContext.TraceIdField))
                    ?? NonEmpty(metadata.GetValueOrDefault(TraceContext.TraceIdField)),
                TraceState = root.TryGetProperty(TraceContext.TraceStateField, out _)
                    ? Text(root, TraceContext.TraceStateField)
                    : metadata.GetValueOrDefault(TraceContext.TraceStateField),
                Expiration = expiration,
                Expired = expiration is not null
                    && DateTimeOffset.TryParse(expiration, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
                    && at < now,
            };
        }
        catch (JsonException e)
        {
            return new PreparedDelivery { Error = "the entry is not a CloudEvent: " + e.Message };
        }
    }

    private static PreparedDelivery WrapRaw(ReadOnlyMemory<byte> stored, Dictionary<string, string> metadata, Subscription subscription)
    {
        var id = Guid.NewGuid().ToString();
        var traceId = metadata.GetValueOrDefault(TraceContext.TraceIdField);
        var traceParent = metadata.GetValueOrDefault(TraceContext.TraceParentField);
        var traceState = metadata.GetValueOrDefault(TraceContext.TraceStateField);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("id", id);
            writer.WriteString("specversion", CloudEventBuilder.SpecVersion);
            writer.WriteString("datacontenttype", ContentTypes.OctetStream);
            writer.WriteString("source", "Dapr");
            writer.WriteString("type", CloudEventBuilder.DefaultType);
            writer.WriteString("topic", subscription.Topic);
            writer.WriteString("pubsubname", subscription.PubSubName);
            writer.WriteBase64String("data_base64", stored.Span);

            // traceparent supersedes traceid, as in daprd.
            if ((traceParent ?? traceId) is { } trace)
            {
                writer.WriteString(TraceContext.TraceIdField, trace);
            }

            if (traceParent is not null)
            {
                writer.WriteString(TraceContext.TraceParentField, traceParent);
            }

            if (traceState is not null)
            {
                writer.WriteString(TraceContext.TraceStateField, traceState);
            }

            writer.WriteEndObject();
        }

        return new PreparedDelivery
        {
            Body = buffer.ToArray(),
            EventId = id,
            TraceParent = NonEmpty(traceParent) ?? NonEmpty(traceId),
            TraceState = traceState,
        };
    }

    /// <summary>The entry's metadata as strings; unreadable metadata counts as none (daprd logs and goes on).</summary>
    private static Dictionary<string, string> ReadMetadata(string? json)
    {
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrEmpty(json))
        {
            return metadata;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in document.RootElement.EnumerateObject())
                {
                    if (property.Value.ValueKind == JsonValueKind.String)
                    {
                        metadata[property.Name] = property.Value.GetString()!;
                    }
                }
            }
        }
        catch (JsonException)
        {
            metadata.Clear();
        }

        return metadata;
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
