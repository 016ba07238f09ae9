namespace Accreditation.BuildingBlocks.Outbox;

/// <summary>An outbox entry set aside after it was refused too often or could not be read, with why.</summary>
public sealed record ParkedEntry(string Id, string Topic, string EventType, DateTimeOffset CreatedAt, DateTimeOffset ParkedAt, string Reason, int Refusals);
