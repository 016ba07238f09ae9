using System.Text.Json;

namespace Accreditation.Sidecar.Subscriptions;

/// <summary>
/// Reads the JSON an app returns from GET /dapr/subscribe. Keys match case-insensitively
/// (pubsubname / pubsubName, deadLetterTopic / deadlettertopic). The route is routes.default, else
/// the path of a rule without a match expression, else route. Rules with match expressions cannot
/// be evaluated by the stand-in and are skipped with a warning.
/// </summary>
public static class SubscriptionParser
{
    public static SubscriptionList Parse(string json)
    {
        var warnings = new List<string>();
        var subscriptions = new List<Subscription>();
        if (string.IsNullOrWhiteSpace(json))
        {
            return new SubscriptionList(subscriptions, warnings);
        }

        using var document = JsonDocument.Parse(json);
        if (document.RootElement.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException("the subscription list must be a JSON array");
        }

        var index = 0;
        foreach (var item in document.RootElement.EnumerateArray())
        {
            index++;
            if (item.ValueKind != JsonValueKind.Object)
            {
                warnings.Add($"subscription {index}: not an object; skipped");
                continue;
            }

            var subscription = ParseOne(item, index, warnings);
            if (subscription is null)
            {
                continue;
            }

            if (subscriptions.Any(s => s.PubSubName == subscription.PubSubName && s.Topic == subscription.Topic))
            {
                warnings.Add($"subscription {index}: {subscription.PubSubName}/{subscription.Topic} is declared twice; the first one is used");
                continue;
            }

            subscriptions.Add(subscription);
        }

        return new SubscriptionList(subscriptions, warnings);
    }

    private static Subscription? ParseOne(JsonElement item, int index, List<string> warnings)
    {
        var pubsub = String(item, "pubsubname");
        var topic = String(item, "topic");
        if (string.IsNullOrEmpty(pubsub) || string.IsNullOrEmpty(topic))
        {
            warnings.Add($"subscription {index}: pubsubname and topic are required; skipped");
            return null;
        }

        var route = RouteOf(item, $"{pubsub}/{topic}", warnings);
        if (route is null)
        {
            warnings.Add($"subscription {index} ({pubsub}/{topic}): no route; skipped");
            return null;
        }

        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Property(item, "metadata") is { ValueKind: JsonValueKind.Object } meta)
        {
            foreach (var p in meta.EnumerateObject())
            {
                metadata[p.Name] = p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText();
            }
        }

        var raw = metadata.FirstOrDefault(kv => string.Equals(kv.Key, "rawPayload", StringComparison.OrdinalIgnoreCase)).Value;
        if (Property(item, "bulkSubscribe") is { ValueKind: JsonValueKind.Object } bulk
            && Property(bulk, "enabled") is { ValueKind: JsonValueKind.True })
        {
            warnings.Add($"{pubsub}/{topic}: bulkSubscribe is not supported by the stand-in; events are delivered one by one");
        }

        return new Subscription
        {
            PubSubName = pubsub,
            Topic = topic,
            Route = Normalise(route),
            DeadLetterTopic = String(item, "deadLetterTopic") is { Length: > 0 } dlt ? dlt : null,
            RawPayload = bool.TryParse(raw, out var isRaw) && isRaw,
            Metadata = metadata,
        };
    }

    private static string? RouteOf(JsonElement item, string name, List<string> warnings)
    {
        if (Property(item, "routes") is { ValueKind: JsonValueKind.Object } routes)
        {
            string? fromRules = null;
            if (Property(routes, "rules") is { ValueKind: JsonValueKind.Array } rules)
            {
                foreach (var rule in rules.EnumerateArray())
                {
                    var match = String(rule, "match");
                    var path = String(rule, "path");
                    if (string.IsNullOrWhiteSpace(match))
                    {
                        fromRules ??= path;
                    }
                    else
                    {
                        warnings.Add($"{name}: routing rule '{match}' -> {path} skipped; the stand-in cannot evaluate match expressions");
                    }
                }
            }

            var fallback = String(routes, "default");
            if (!string.IsNullOrEmpty(fallback) || !string.IsNullOrEmpty(fromRules))
            {
                return string.IsNullOrEmpty(fallback) ? fromRules : fallback;
            }
        }

        return String(item, "route") is { Length: > 0 } route ? route : null;
    }

    private static string Normalise(string route) => route.StartsWith('/') ? route : "/" + route;

    private static JsonElement? Property(JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (var p in element.EnumerateObject())
        {
            if (string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return p.Value;
            }
        }

        return null;
    }

    private static string? String(JsonElement element, string name) =>
        Property(element, name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;
}
