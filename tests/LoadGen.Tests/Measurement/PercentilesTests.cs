using Accreditation.LoadGen.Measurement;

namespace Accreditation.LoadGen.Tests.Measurement;

public sealed class PercentilesTests
{
    [Fact]
    public void NearestRank_TenValues_TakesTheRankAtOrAbove()
    {
        double[] sorted = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

        Assert.Equal(5, Percentiles.NearestRank(sorted, 50));
        Assert.Equal(10, Percentiles.NearestRank(sorted, 99));
        Assert.Equal(1, Percentiles.NearestRank(sorted, 0));
    }

    [Fact]
    public void NearestRank_Empty_IsZero()
    {
        Assert.Equal(0, Percentiles.NearestRank([], 50));
    }
}
