using System.Globalization;
using System.Text.Json;
using Accreditation.Sidecar.CloudEvents;
using Accreditation.Sidecar.Subscriptions;

namespace Accreditation.Sidecar.Delivery;

/// <summary>
/// Turns a stored entry into what the app receives. A normal subscription gets the stored CloudEvent
/// as it is (application/cloudevents+json). A rawPayload subscription treats the entry as opaque
/// bytes and gets them wrapped as daprd wraps them: a CloudEvent with a new id and data_base64.
/// </summary>
public static class DeliveryPreparer
{
    public static PreparedDelivery Prepare(ReadOnlyMemory<byte> stored, Subscription subscription, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        return subscription.RawPayload ? WrapRaw(stored, subscription) : FromCloudEvent(stored, now);
    }

    private static PreparedDelivery FromCloudEvent(ReadOnlyMemory<byte> stored, DateTimeOffset now)
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
                TraceParent = Text(root, "traceparent"),
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

    private static PreparedDelivery WrapRaw(ReadOnlyMemory<byte> stored, Subscription subscription)
    {
        var id = Guid.NewGuid().ToString();
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
            writer.WriteEndObject();
        }

        return new PreparedDelivery { Body = buffer.ToArray(), EventId = id };
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
