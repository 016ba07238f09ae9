namespace Accreditation.RegulatorReporting.Domain.Evaluation;

/// <summary>
/// 95% confidence intervals for proportions and their differences.
/// <para>A proportion k/n: the Wilson score interval,
/// (p + z²/2n ± z·√(p(1−p)/n + z²/4n²)) / (1 + z²/n), z = 1.959964 (Wilson 1927). Unlike the
/// normal ("Wald") interval it stays within [0, 1] and behaves for small n and rates near 0 or 1.</para>
/// <para>A difference p1 − p2 of independent proportions: Newcombe's hybrid score interval
/// (Newcombe 1998, method 10) from the two Wilson intervals (l1, u1) and (l2, u2):
/// lower = d − √((p1 − l1)² + (u2 − p2)²), upper = d + √((u1 − p1)² + (p2 − l2)²), d = p1 − p2.</para>
/// </summary>
public static class ConfidenceIntervals
{
    /// <summary>The 97.5th percentile of the standard normal distribution.</summary>
    public const double Z95 = 1.959963984540054;

    public static Interval Wilson(int successes, int trials)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(successes);
        ArgumentOutOfRangeException.ThrowIfLessThan(trials, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(successes, trials);
        var n = (double)trials;
        var p = successes / n;
        var z2 = Z95 * Z95;
        var centre = p + (z2 / (2 * n));
        var spread = Z95 * Math.Sqrt((p * (1 - p) / n) + (z2 / (4 * n * n)));
        var denominator = 1 + (z2 / n);
        return new Interval(Math.Max(0, (centre - spread) / denominator), Math.Min(1, (centre + spread) / denominator));
    }

    /// <summary>The difference of two proportions (first minus second) and its Newcombe hybrid score interval.</summary>
    public static (double Difference, Interval Interval) Newcombe(int successes1, int trials1, int successes2, int trials2)
    {
        var p1 = successes1 / (double)trials1;
        var p2 = successes2 / (double)trials2;
        var w1 = Wilson(successes1, trials1);
        var w2 = Wilson(successes2, trials2);
        var d = p1 - p2;
        var lower = d - Math.Sqrt(Square(p1 - w1.Lower) + Square(w2.Upper - p2));
        var upper = d + Math.Sqrt(Square(w1.Upper - p1) + Square(p2 - w2.Lower));
        return (d, new Interval(lower, upper));
    }

    private static double Square(double x) => x * x;
}
