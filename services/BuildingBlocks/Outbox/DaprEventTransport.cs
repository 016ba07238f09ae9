using System.Diagnostics;
using System.Text;
using Dapr;
using Dapr.Client;
using Grpc.Core;

namespace Accreditation.BuildingBlocks.Outbox;

/// <summary>
/// Publishes through the Dapr sidecar (gRPC PublishEvent). The entry id and the protobuf type name
/// become the CloudEvent id and type, so a republished entry keeps its identity; the current trace
/// context becomes the CloudEvent's traceparent. A refusal the sidecar will repeat (topic not
/// allowed, no such component, malformed request) is a <see cref="PublishRefusedException"/>.
/// </summary>
public sealed class DaprEventTransport(DaprClient dapr) : IEventTransport
{
    public const string ContentType = "application/json";

    private static readonly HashSet<StatusCode> Permanent =
        [StatusCode.PermissionDenied, StatusCode.InvalidArgument, StatusCode.NotFound, StatusCode.FailedPrecondition, StatusCode.Unimplemented, StatusCode.Unauthenticated];

    public async Task PublishAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        try
        {
            await dapr.PublishByteEventAsync(
                message.PubSubName,
                message.Topic,
                Encoding.UTF8.GetBytes(message.Json),
                ContentType,
                MetadataFor(message, Activity.Current),
                cancellationToken);
        }
        catch (DaprException e) when (e.InnerException is RpcException rpc && Permanent.Contains(rpc.StatusCode))
        {
            throw new PublishRefusedException($"the sidecar refused the publish to {message.Topic}: {rpc.StatusCode} {rpc.Status.Detail}", e);
        }
    }

    /// <summary>The publish metadata: CloudEvent id and type, and the trace context of <paramref name="activity"/> (or of the entry's writer).</summary>
    public static Dictionary<string, string> MetadataFor(OutboxMessage message, Activity? activity)
    {
        ArgumentNullException.ThrowIfNull(message);
        var metadata = new Dictionary<string, string>
        {
            ["cloudevent.id"] = message.Id,
            ["cloudevent.type"] = message.EventType,
        };
        var traceParent = activity?.IdFormat == ActivityIdFormat.W3C ? activity.Id : message.TraceParent;
        if (traceParent is not null)
        {
            metadata["cloudevent.traceparent"] = traceParent;
            var traceState = activity?.TraceStateString ?? message.TraceState;
            if (!string.IsNullOrEmpty(traceState))
            {
                metadata["cloudevent.tracestate"] = traceState;
            }
        }

        return metadata;
    }
}
