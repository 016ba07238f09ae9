using Google.Protobuf;

namespace Accreditation.BuildingBlocks.Outbox;

/// <summary>An integration event to publish: its topic, its id (the CloudEvent id) and the protobuf message.</summary>
public sealed record IntegrationEvent(string Topic, string EventId, IMessage Message);
