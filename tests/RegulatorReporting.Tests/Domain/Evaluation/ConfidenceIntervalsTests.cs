using Accreditation.RegulatorReporting.Domain.Evaluation;

namespace Accreditation.RegulatorReporting.Tests.Domain.Evaluation;

/// <summary>Against the worked examples of Newcombe (1998), Statistics in Medicine 17: 857-872 and 873-890.</summary>
public sealed class ConfidenceIntervalsTests
{
    [Theory]
    [InlineData(81, 263, 0.2553, 0.3662)]
    [InlineData(15, 148, 0.0624, 0.1605)]
    [InlineData(0, 20, 0.0, 0.1611)]
    [InlineData(1, 29, 0.0061, 0.1718)]
    public void Wilson_PublishedExamples_Match(int successes, int trials, double lower, double upper)
    {
        var interval = ConfidenceIntervals.Wilson(successes, trials);

        Assert.Equal(lower, interval.Lower, 4);
        Assert.Equal(upper, interval.Upper, 4);
    }

    [Theory]
    [InlineData(56, 70, 48, 80, 0.0524, 0.3339)]
    [InlineData(9, 10, 3, 10, 0.1705, 0.8090)]
    [InlineData(5, 56, 0, 29, -0.0381, 0.1926)]
    public void Newcombe_PublishedExamples_Match(int k1, int n1, int k2, int n2, double lower, double upper)
    {
        var (difference, interval) = ConfidenceIntervals.Newcombe(k1, n1, k2, n2);

        Assert.Equal((k1 / (double)n1) - (k2 / (double)n2), difference, 10);
        Assert.Equal(lower, interval.Lower, 4);
        Assert.Equal(upper, interval.Upper, 4);
    }

    [Fact]
    public void ExcludesZero_IntervalAboveBelowOrAcross_OnlyWhenNotContainingZero()
    {
        Assert.True(new Interval(0.01, 0.2).ExcludesZero);
        Assert.True(new Interval(-0.3, -0.02).ExcludesZero);
        Assert.False(new Interval(-0.1, 0.2).ExcludesZero);
    }

    [Fact]
    public void Wilson_NoTrials_Rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ConfidenceIntervals.Wilson(0, 0));
    }
}
