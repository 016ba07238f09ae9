using System.Numerics;

namespace Accreditation.LoadGen.Measurement;

/// <summary>
/// Latencies in microseconds in log-linear buckets, as HdrHistogram keeps them: values below 128
/// exactly, above that 64 buckets per power of two, so any value is kept within 1/64 (1.6%) of
/// itself. Recording is an index computation and an increment; one histogram per worker, merged
/// at the end, so nothing is shared while measuring. Not thread-safe.
/// </summary>
public sealed class LatencyHistogram
{
    /// <summary>Values kept exactly (0 to 127 us); every power of two above has half as many buckets.</summary>
    public const int LinearBuckets = 128;
    private const int HalfBuckets = LinearBuckets / 2;
    private const int LinearBits = 7;

    private readonly long[] _counts = new long[LinearBuckets + ((64 - LinearBits) * HalfBuckets)];

    public long Count { get; private set; }

    public long Max { get; private set; }

    public long Min { get; private set; } = long.MaxValue;

    public double Sum { get; private set; }

    public double Mean => Count == 0 ? 0 : Sum / Count;

    public void Record(long microseconds)
    {
        var value = Math.Max(0, microseconds);
        _counts[IndexOf(value)]++;
        Count++;
        Sum += value;
        if (value > Max)
        {
            Max = value;
        }

        if (value < Min)
        {
            Min = value;
        }
    }

    public void Add(LatencyHistogram other)
    {
        ArgumentNullException.ThrowIfNull(other);
        for (var i = 0; i < _counts.Length; i++)
        {
            _counts[i] += other._counts[i];
        }

        Count += other.Count;
        Sum += other.Sum;
        Max = Math.Max(Max, other.Max);
        Min = Math.Min(Min, other.Min);
    }

    /// <summary>
    /// The value at or below which <paramref name="percentile"/> percent of the recorded values lie
    /// (nearest rank), as the highest value of its bucket but never above the maximum; 0 when empty.
    /// </summary>
    public long Percentile(double percentile)
    {
        if (percentile is < 0 or > 100 || double.IsNaN(percentile))
        {
            throw new ArgumentOutOfRangeException(nameof(percentile), percentile, "a percentile is between 0 and 100");
        }

        if (Count == 0)
        {
            return 0;
        }

        var rank = Math.Max(1, (long)Math.Ceiling(percentile / 100 * Count));
        long seen = 0;
        for (var i = 0; i < _counts.Length; i++)
        {
            seen += _counts[i];
            if (seen >= rank)
            {
                return Math.Min(Max, Math.Max(Min, HighestOf(i)));
            }
        }

        return Max;
    }

    /// <summary>The bucket of a value (not negative).</summary>
    public static int IndexOf(long value)
    {
        if (value < LinearBuckets)
        {
            return (int)value;
        }

        var shift = (63 - BitOperations.LeadingZeroCount((ulong)value)) - (LinearBits - 1);
        var sub = (int)(value >> shift);
        return LinearBuckets + ((shift - 1) * HalfBuckets) + (sub - HalfBuckets);
    }

    /// <summary>The lowest value a bucket holds.</summary>
    public static long LowestOf(int index)
    {
        if (index < LinearBuckets)
        {
            return index;
        }

        var shift = ((index - LinearBuckets) / HalfBuckets) + 1;
        var sub = ((index - LinearBuckets) % HalfBuckets) + HalfBuckets;
        return (long)sub << shift;
    }

    /// <summary>The highest value a bucket holds.</summary>
    public static long HighestOf(int index)
    {
        if (index < LinearBuckets)
        {
            return index;
        }

        var shift = ((index - LinearBuckets) / HalfBuckets) + 1;
        return LowestOf(index) + (1L << shift) - 1;
    }
}
