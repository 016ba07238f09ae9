using Accreditation.Sidecar.CloudEvents;
using Accreditation.Sidecar.Configuration;
using Accreditation.Sidecar.Hosting;
using StackExchange.Redis;

namespace Accreditation.Sidecar.Api;

/// <summary>
/// The publish path shared by the gRPC and HTTP APIs: the component's topic scopes (daprd refuses a
/// topic outside them and writes nothing), envelope with the request's trace context, then XADD to
/// the topic stream.
/// </summary>
public sealed class Publisher(PubSubRegistry registry, SidecarOptions options, TimeProvider clock, ILogger<Publisher> logger)
{
    /// <summary>daprd's refusal of a topic outside the app's scopes (ERR_PUBSUB_FORBIDDEN).</summary>
    public PublishFailure Forbidden(string topic) =>
        new(PublishError.Forbidden, "ERR_PUBSUB_FORBIDDEN", $"topic {topic} is not allowed for app id {options.AppId}");

    /// <summary>Publishes one event; null when the broker accepted it.</summary>
    public async Task<PublishFailure?> PublishAsync(PublishMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (string.IsNullOrEmpty(message.PubSubName))
        {
            return new PublishFailure(PublishError.InvalidArgument, "ERR_PUBSUB_EMPTY", "pubsub name is empty");
        }

        if (string.IsNullOrEmpty(message.Topic))
        {
            return new PublishFailure(PublishError.InvalidArgument, "ERR_TOPIC_NAME_EMPTY", $"topic is empty in pubsub {message.PubSubName}");
        }

        var broker = registry.Find(message.PubSubName);
        if (broker is null)
        {
            return new PublishFailure(PublishError.PubSubNotFound, "ERR_PUBSUB_NOT_FOUND", $"pubsub {message.PubSubName} is not found");
        }

        if (!broker.Component.Scopes.MayPublish(message.Topic))
        {
            SidecarLog.PublishForbidden(logger, message.PubSubName, message.Topic, options.AppId);
            return Forbidden(message.Topic);
        }

        // The request's trace context (a new trace when it has no valid traceparent; its tracestate
        // only goes with a valid traceparent), as daprd takes it from the span of the publish call.
        var traceParent = TraceContext.FromRequest(message.TraceParent);
        message = message with { TraceState = TraceContext.IsValid(message.TraceParent) ? message.TraceState : null };
        var metadata = message.Metadata;
        if (MetadataKeys.IsTrue(metadata, MetadataKeys.RawPayload))
        {
            // As daprd: a raw payload has no envelope, so the trace context travels in the entry's metadata.
            metadata = new Dictionary<string, string>(metadata, StringComparer.Ordinal)
            {
                [TraceContext.TraceIdField] = traceParent,
                [TraceContext.TraceStateField] = message.TraceState ?? "",
            };
        }

        byte[] stored;
        try
        {
            stored = CloudEventBuilder.Build(message, options.AppId, clock.GetUtcNow(), traceParent);
        }
        catch (FormatException e)
        {
            return new PublishFailure(PublishError.InvalidArgument, "ERR_PUBSUB_CLOUD_EVENTS_SER", e.Message);
        }

        try
        {
            var id = await broker.PublishAsync(message.Topic, stored, metadata, clock.GetUtcNow());
            SidecarLog.Published(logger, message.PubSubName, message.Topic, id);
            return null;
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            SidecarLog.PublishFailed(logger, e, message.PubSubName, message.Topic);
            return new PublishFailure(PublishError.BrokerFailed, "ERR_PUBSUB_PUBLISH_MESSAGE", $"error when publishing to topic {message.Topic} in pubsub {message.PubSubName}: {e.Message}");
        }
    }
}
