using System.Globalization;
using Accreditation.Sidecar.Configuration;

namespace Accreditation.Sidecar.Components;

/// <summary>
/// Turns Dapr resource YAML (kind: Component with spec.type pubsub.redis, and kind: Resiliency for
/// inbound retry and timeout policies of those components) into <see cref="PubSubComponent"/>s. Components whose
/// scopes leave out the app id are skipped, as daprd skips them. Other component types are ignored.
/// </summary>
public static class ComponentReader
{
    public static ResourceSet Read(IEnumerable<(string Source, string Yaml)> files, string appId)
    {
        ArgumentNullException.ThrowIfNull(files);
        var warnings = new List<string>();
        var components = new List<PubSubComponent>();
        var retryTargets = new Dictionary<string, RetrySettings>(StringComparer.Ordinal);
        var timeoutTargets = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
        foreach (var (source, yaml) in files)
        {
            IReadOnlyList<object?> documents;
            try
            {
                documents = ResourceYaml.ReadDocuments(yaml);
            }
            catch (FormatException e)
            {
                warnings.Add($"{source}: skipped, not readable: {e.Message}");
                continue;
            }

            foreach (var document in documents.OfType<Dictionary<string, object?>>())
            {
                switch (Text(document, "kind"))
                {
                    case "Component":
                        var component = ReadComponent(document, source, appId, warnings);
                        if (component is not null)
                        {
                            components.Add(component);
                        }

                        break;
                    case "Resiliency":
                        if (InScope(document, appId))
                        {
                            ReadResiliency(document, source, retryTargets, timeoutTargets, warnings);
                        }

                        break;
                    default:
                        break;
                }
            }
        }

        var withPolicies = components
            .Select(c => retryTargets.TryGetValue(c.Name, out var retry) ? c with { InboundRetry = retry } : c)
            .Select(c => timeoutTargets.TryGetValue(c.Name, out var timeout) ? c with { InboundTimeout = timeout } : c)
            .ToList();
        return new ResourceSet(withPolicies, warnings);
    }

    private static PubSubComponent? ReadComponent(Dictionary<string, object?> document, string source, string appId, List<string> warnings)
    {
        var name = Text(Map(document, "metadata"), "name");
        var spec = Map(document, "spec");
        var type = Text(spec, "type");
        if (type is null || !type.StartsWith("pubsub.", StringComparison.Ordinal))
        {
            return null;
        }

        if (type != "pubsub.redis")
        {
            warnings.Add($"{source}: component '{name}' of type {type} skipped; the stand-in supports pubsub.redis only");
            return null;
        }

        if (string.IsNullOrEmpty(name))
        {
            warnings.Add($"{source}: pubsub.redis component without metadata.name skipped");
            return null;
        }

        if (!InScope(document, appId))
        {
            return null;
        }

        var metadata = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in (spec?.GetValueOrDefault("metadata") as List<object?> ?? []).OfType<Dictionary<string, object?>>())
        {
            var key = Text(item, "name");
            if (key is null)
            {
                continue;
            }

            if (item.ContainsKey("secretKeyRef"))
            {
                warnings.Add($"{source}: {name}.{key} uses secretKeyRef, which the stand-in cannot resolve; ignored");
                continue;
            }

            metadata[key] = Text(item, "value") ?? "";
        }

        var component = new PubSubComponent { Name = name };
        if (Value(metadata, "maxLenApprox") is not null)
        {
            warnings.Add(Value(metadata, "streamTTL") is null
                ? $"{source}: {name}.maxLenApprox trims streams by count, which drops entries a subscriber has not read yet when it lags or is down; prefer streamTTL (trims by age)"
                : $"{source}: {name} sets maxLenApprox and streamTTL, which cannot be used together (only one stream trimming strategy can be active); maxLenApprox is applied, as in daprd");
        }

        return component with
        {
            RedisHost = Value(metadata, "redisHost") ?? component.RedisHost,
            RedisPassword = Value(metadata, "redisPassword"),
            RedisUsername = Value(metadata, "redisUsername"),
            RedisDb = Int(metadata, "redisDB", source, warnings) ?? 0,
            EnableTls = string.Equals(Value(metadata, "enableTLS"), "true", StringComparison.OrdinalIgnoreCase),
            ConsumerId = Value(metadata, "consumerID"),
            ProcessingTimeout = Duration(metadata, "processingTimeout", source, warnings) ?? component.ProcessingTimeout,
            RedeliverInterval = Duration(metadata, "redeliverInterval", source, warnings) ?? component.RedeliverInterval,
            QueueDepth = Int(metadata, "queueDepth", source, warnings) ?? component.QueueDepth,
            MaxLenApprox = Int(metadata, "maxLenApprox", source, warnings) ?? 0,
            StreamTtl = Duration(metadata, "streamTTL", source, warnings) ?? TimeSpan.Zero,
            Metadata = metadata,
        };
    }

    private static void ReadResiliency(
        Dictionary<string, object?> document,
        string source,
        Dictionary<string, RetrySettings> retryTargets,
        Dictionary<string, TimeSpan> timeoutTargets,
        List<string> warnings)
    {
        var spec = Map(document, "spec");
        var retries = Map(Map(spec, "policies"), "retries") ?? [];
        var timeouts = Map(Map(spec, "policies"), "timeouts") ?? [];
        var components = Map(Map(spec, "targets"), "components") ?? [];
        foreach (var (componentName, target) in components)
        {
            var inbound = Map(target as Dictionary<string, object?>, "inbound");
            if (Text(inbound, "timeout") is { } timeoutName)
            {
                // As daprd: a timeout policy bounds each delivery attempt, not the whole retry schedule.
                if (GoDuration.TryParse(Text(timeouts, timeoutName), out var timeout))
                {
                    timeoutTargets[componentName] = timeout;
                }
                else
                {
                    warnings.Add($"{source}: timeout policy '{timeoutName}' for component '{componentName}' is not defined or not a duration");
                }
            }

            var policyName = Text(inbound, "retry");
            if (policyName is null)
            {
                continue;
            }

            if (Map(retries, policyName) is not { } policy)
            {
                warnings.Add($"{source}: retry policy '{policyName}' for component '{componentName}' is not defined");
                continue;
            }

            var maxRetries = int.TryParse(Text(policy, "maxRetries"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : -1;
            if (maxRetries < 0)
            {
                warnings.Add($"{source}: retry policy '{policyName}' retries forever in Dapr; the stand-in caps it at 1000");
                maxRetries = 1000;
            }

            var exponential = string.Equals(Text(policy, "policy"), "exponential", StringComparison.OrdinalIgnoreCase);
            var duration = GoDuration.TryParse(Text(policy, "duration"), out var d) ? d : TimeSpan.FromSeconds(5);
            TimeSpan? maxInterval = GoDuration.TryParse(Text(policy, "maxInterval"), out var m) ? m : null;
            retryTargets[componentName] = exponential
                ? new RetrySettings(maxRetries, RetrySettings.ExponentialInitialInterval, Exponential: true, maxInterval)
                : new RetrySettings(maxRetries, duration);
        }
    }

    private static bool InScope(Dictionary<string, object?> document, string appId) =>
        document.GetValueOrDefault("scopes") is not List<object?> { Count: > 0 } scopes
        || scopes.OfType<string>().Contains(appId, StringComparer.Ordinal);

    private static Dictionary<string, object?>? Map(Dictionary<string, object?>? node, string key) =>
        node?.GetValueOrDefault(key) as Dictionary<string, object?>;

    private static string? Text(Dictionary<string, object?>? node, string key) =>
        node?.GetValueOrDefault(key) as string;

    private static string? Value(Dictionary<string, string> metadata, string key) =>
        metadata.TryGetValue(key, out var v) && v.Length > 0 ? v : null;

    private static TimeSpan? Duration(Dictionary<string, string> metadata, string key, string source, List<string> warnings)
    {
        var text = Value(metadata, key);
        if (text is null)
        {
            return null;
        }

        if (GoDuration.TryParse(text, out var value))
        {
            return value;
        }

        warnings.Add($"{source}: {key} '{text}' is not a duration; default used");
        return null;
    }

    private static int? Int(Dictionary<string, string> metadata, string key, string source, List<string> warnings)
    {
        var text = Value(metadata, key);
        if (text is null)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        warnings.Add($"{source}: {key} '{text}' is not a number; default used");
        return null;
    }
}
