using Accreditation.RegulatorReporting.Domain;

namespace Accreditation.RegulatorReporting.Infrastructure;

/// <summary>
/// One atomic read of the feed: the changes after a position, the newest position ever written
/// and the newest position trimmed away (both <see cref="FeedPosition.Start"/> for an empty feed).
/// </summary>
public sealed record FeedRead(IReadOnlyList<FeedEntry> Entries, FeedPosition LastWritten, FeedPosition LastTrimmed);
