namespace Accreditation.BuildingBlocks.Outbox;

/// <summary>Hands one outbox entry to the pub/sub broker. Returns only once the broker accepted it.</summary>
public interface IEventTransport
{
    Task PublishAsync(OutboxMessage message, CancellationToken cancellationToken);
}
