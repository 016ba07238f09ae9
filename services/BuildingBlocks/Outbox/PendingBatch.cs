namespace Accreditation.BuildingBlocks.Outbox;

/// <summary>What one read of the pending queue found: entries in order, and ids whose entries cannot be read.</summary>
public sealed record PendingBatch(IReadOnlyList<OutboxMessage> Messages, IReadOnlyList<string> Corrupt);
