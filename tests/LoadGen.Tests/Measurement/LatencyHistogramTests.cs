using Accreditation.LoadGen.Measurement;

namespace Accreditation.LoadGen.Tests.Measurement;

public sealed class LatencyHistogramTests
{
    [Fact]
    public void Percentile_Empty_IsZero()
    {
        Assert.Equal(0, new LatencyHistogram().Percentile(99));
    }

    [Fact]
    public void Percentile_SmallValues_AreExact()
    {
        var histogram = new LatencyHistogram();
        for (var v = 1; v <= 100; v++)
        {
            histogram.Record(v);
        }

        Assert.Equal(50, histogram.Percentile(50));
        Assert.Equal(99, histogram.Percentile(99));
        Assert.Equal(100, histogram.Percentile(100));
        Assert.Equal(1, histogram.Percentile(0));
    }

    [Fact]
    public void Percentile_LargeValues_WithinOneSixtyFourth()
    {
        var histogram = new LatencyHistogram();
        for (var v = 1; v <= 100_000; v++)
        {
            histogram.Record(v * 10L);
        }

        Assert.InRange(histogram.Percentile(50), 500_000, 500_000 * 65 / 64);
        Assert.InRange(histogram.Percentile(99), 990_000, 990_000 * 65 / 64);
        Assert.Equal(1_000_000, histogram.Percentile(100));
    }

    [Fact]
    public void IndexOf_EveryBucket_HoldsItsLowestAndHighestValues()
    {
        for (var index = 0; index < 2_000; index++)
        {
            Assert.Equal(index, LatencyHistogram.IndexOf(LatencyHistogram.LowestOf(index)));
            Assert.Equal(index, LatencyHistogram.IndexOf(LatencyHistogram.HighestOf(index)));
            Assert.Equal(LatencyHistogram.HighestOf(index) + 1, LatencyHistogram.LowestOf(index + 1));
        }
    }

    [Fact]
    public void Add_TwoHistograms_CountsBoth()
    {
        var a = new LatencyHistogram();
        var b = new LatencyHistogram();
        a.Record(10);
        b.Record(20);
        b.Record(-5);

        a.Add(b);

        Assert.Equal(3, a.Count);
        Assert.Equal(20, a.Max);
        Assert.Equal(0, a.Min);
        Assert.Equal(10, a.Percentile(50));
        Assert.Equal(10, a.Mean);
    }

    [Fact]
    public void Percentile_OutOfRange_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new LatencyHistogram().Percentile(101));
    }
}
