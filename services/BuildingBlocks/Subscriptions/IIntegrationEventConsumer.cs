using Google.Protobuf;

namespace Accreditation.BuildingBlocks.Subscriptions;

/// <summary>Handles one integration event type. Must be idempotent on <paramref name="eventId"/> (the CloudEvent id).</summary>
public interface IIntegrationEventConsumer<in TEvent>
    where TEvent : IMessage<TEvent>
{
    Task HandleAsync(string eventId, TEvent message, CancellationToken cancellationToken);
}
