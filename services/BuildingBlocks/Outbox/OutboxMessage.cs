using System.Diagnostics;
using Google.Protobuf;

namespace Accreditation.BuildingBlocks.Outbox;

/// <summary>
/// One integration event waiting in the outbox. <see cref="Id"/> is the event id and becomes the
/// CloudEvent id, so a redelivered publish is recognised by idempotent consumers.
/// <see cref="TraceParent"/> and <see cref="TraceState"/> are the W3C trace context of the request
/// that wrote the entry, so the publish and the subscribers' handling join that request's trace.
/// </summary>
public sealed record OutboxMessage(string Id, string PubSubName, string Topic, string EventType, string Json, DateTimeOffset CreatedAt)
{
    private static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default.WithFormatDefaultValues(false));

    public string? TraceParent { get; init; }

    public string? TraceState { get; init; }

    /// <summary>Publish attempts the sidecar refused for good so far (see <see cref="PublishRefusedException"/>).</summary>
    public int Refusals { get; init; }

    /// <summary>An outbox entry carrying <paramref name="message"/> as protobuf JSON, in the current trace (if any).</summary>
    public static OutboxMessage For(string pubSubName, string topic, string eventId, IMessage message, DateTimeOffset createdAt)
    {
        ArgumentNullException.ThrowIfNull(message);
        var activity = Activity.Current;
        return new OutboxMessage(eventId, pubSubName, topic, message.Descriptor.FullName, Formatter.Format(message), createdAt)
        {
            TraceParent = activity?.IdFormat == ActivityIdFormat.W3C ? activity.Id : null,
            TraceState = activity?.TraceStateString,
        };
    }
}
