namespace Accreditation.RegulatorReporting.Infrastructure;

/// <summary>One change read from the feed: its position and the register entry (protobuf JSON) after the change.</summary>
public sealed record FeedEntry(Domain.FeedPosition Position, string EntryJson);
