using Accreditation.RegulatorReporting.Domain;

namespace Accreditation.RegulatorReporting.Infrastructure;

/// <summary>
/// One atomic read of the feed: the changes after a position, the newest position ever written,
/// the oldest change still retained and whether older changes were trimmed away (an empty feed:
/// <see cref="FeedPosition.Start"/>, <see cref="FeedPosition.Start"/>, false).
/// </summary>
public sealed record FeedRead(IReadOnlyList<FeedEntry> Entries, FeedPosition LastWritten, FeedPosition FirstRetained, bool Trimmed)
{
    /// <summary>
    /// Whether changes after <paramref name="position"/> may have been trimmed: something was
    /// trimmed and the position is before the oldest retained change. (A position on the newest
    /// trimmed change counts as stale too: the feed promises its retained length, not more.)
    /// </summary>
    public bool LostAfter(FeedPosition position) => Trimmed && position < FirstRetained;
}
