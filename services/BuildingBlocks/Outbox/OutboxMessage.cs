using Google.Protobuf;

namespace Accreditation.BuildingBlocks.Outbox;

/// <summary>
/// One integration event waiting in the outbox. <see cref="Id"/> is the event id and becomes the
/// CloudEvent id, so a redelivered publish is recognised by idempotent consumers.
/// </summary>
public sealed record OutboxMessage(string Id, string PubSubName, string Topic, string EventType, string Json, DateTimeOffset CreatedAt)
{
    private static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default.WithFormatDefaultValues(false));

    /// <summary>An outbox entry carrying <paramref name="message"/> as protobuf JSON.</summary>
    public static OutboxMessage For(string pubSubName, string topic, string eventId, IMessage message, DateTimeOffset createdAt)
    {
        ArgumentNullException.ThrowIfNull(message);
        return new OutboxMessage(eventId, pubSubName, topic, message.Descriptor.FullName, Formatter.Format(message), createdAt);
    }
}
