using System.Text;
using Dapr.Client;

namespace Accreditation.BuildingBlocks.Outbox;

/// <summary>
/// Publishes through the Dapr sidecar (gRPC PublishEvent). The entry id and the protobuf type name
/// become the CloudEvent id and type, so a republished entry keeps its identity.
/// </summary>
public sealed class DaprEventTransport(DaprClient dapr) : IEventTransport
{
    public const string ContentType = "application/json";

    public Task PublishAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var metadata = new Dictionary<string, string>
        {
            ["cloudevent.id"] = message.Id,
            ["cloudevent.type"] = message.EventType,
        };
        return dapr.PublishByteEventAsync(
            message.PubSubName,
            message.Topic,
            Encoding.UTF8.GetBytes(message.Json),
            ContentType,
            metadata,
            cancellationToken);
    }
}
