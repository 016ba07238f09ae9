using System.Globalization;

namespace Accreditation.RegulatorReporting.Domain;

/// <summary>A position in the change feed: a Redis stream entry id ("milliseconds-sequence"), ordered.</summary>
public readonly record struct FeedPosition(ulong Milliseconds, ulong Sequence) : IComparable<FeedPosition>
{
    /// <summary>Before the first change.</summary>
    public static readonly FeedPosition Start = new(0, 0);

    public static bool TryParse(string? text, out FeedPosition position)
    {
        position = Start;
        var dash = text?.IndexOf('-', StringComparison.Ordinal) ?? -1;
        if (text is null || dash <= 0
            || !ulong.TryParse(text.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
            || !ulong.TryParse(text.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var seq))
        {
            return false;
        }

        position = new FeedPosition(ms, seq);
        return true;
    }

    public static FeedPosition Parse(string text) =>
        TryParse(text, out var position) ? position : throw new FormatException($"'{text}' is not a stream entry id");

    public int CompareTo(FeedPosition other) =>
        Milliseconds != other.Milliseconds ? Milliseconds.CompareTo(other.Milliseconds) : Sequence.CompareTo(other.Sequence);

    public static bool operator <(FeedPosition a, FeedPosition b) => a.CompareTo(b) < 0;

    public static bool operator >(FeedPosition a, FeedPosition b) => a.CompareTo(b) > 0;

    public static bool operator <=(FeedPosition a, FeedPosition b) => a.CompareTo(b) <= 0;

    public static bool operator >=(FeedPosition a, FeedPosition b) => a.CompareTo(b) >= 0;

    public override string ToString() =>
        Milliseconds.ToString(CultureInfo.InvariantCulture) + "-" + Sequence.ToString(CultureInfo.InvariantCulture);
}
