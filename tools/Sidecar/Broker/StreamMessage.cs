namespace Accreditation.Sidecar.Broker;

/// <summary>One entry read from a topic stream for this consumer group.</summary>
public sealed record StreamMessage(string Topic, string Id, ReadOnlyMemory<byte> Data, string? Metadata);
