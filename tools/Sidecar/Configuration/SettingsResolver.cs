using Accreditation.Sidecar.Components;

namespace Accreditation.Sidecar.Configuration;

/// <summary>
/// Combines the command line with the resources folder: the pub/sub components to serve, with the
/// --redis-host, --processing-timeout, --redeliver-interval, --delivery-timeout and retry flags applied over the YAML,
/// the consumer id defaulted to the app id ({appID} substituted), the topic scopes worked out for the app id,
/// and a default component when no folder is given.
/// </summary>
public static class SettingsResolver
{
    public static IReadOnlyList<PubSubComponent> Resolve(SidecarOptions options, ResourceSet? resources)
    {
        ArgumentNullException.ThrowIfNull(options);
        var components = resources?.PubSubs
            ?? [new PubSubComponent { Name = options.DefaultPubSubName }];
        return components.Select(c => Apply(options, c)).ToList();
    }

    private static PubSubComponent Apply(SidecarOptions options, PubSubComponent component)
    {
        var retry = component.InboundRetry ?? RetrySettings.Default;
        if (options.RetryCount is { } count)
        {
            retry = retry with { MaxRetries = count };
        }

        if (options.RetryBackoff is { } backoff)
        {
            retry = retry with { Backoff = backoff, Exponential = false };
        }

        return component with
        {
            RedisHost = options.RedisHost ?? component.RedisHost,
            // As daprd, "{appID}" in consumerID stands for the app id.
            ConsumerId = string.IsNullOrEmpty(component.ConsumerId)
                ? options.AppId
                : component.ConsumerId.Replace("{appID}", options.AppId, StringComparison.Ordinal),
            ProcessingTimeout = options.ProcessingTimeout ?? component.ProcessingTimeout,
            RedeliverInterval = options.RedeliverInterval ?? component.RedeliverInterval,
            InboundRetry = retry,
            DeliveryTimeout = options.DeliveryTimeout ?? component.InboundTimeout ?? PubSubComponent.DefaultDeliveryTimeout,
            Scopes = TopicScopes.For(component.Metadata, options.AppId),
        };
    }
}
