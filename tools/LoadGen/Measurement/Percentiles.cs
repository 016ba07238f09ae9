namespace Accreditation.LoadGen.Measurement;

/// <summary>Percentiles of a small sample kept whole (lag: one value per candidate), by nearest rank.</summary>
public static class Percentiles
{
    /// <summary>The smallest value with at least <paramref name="percentile"/> percent of the sample at or below it; 0 for an empty sample.</summary>
    public static double NearestRank(IReadOnlyList<double> sorted, double percentile)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        if (percentile is < 0 or > 100 || double.IsNaN(percentile))
        {
            throw new ArgumentOutOfRangeException(nameof(percentile), percentile, "a percentile is between 0 and 100");
        }

        if (sorted.Count == 0)
        {
            return 0;
        }

        var rank = Math.Max(1, (int)Math.Ceiling(percentile / 100 * sorted.Count));
        return sorted[rank - 1];
    }
}
