using Accreditation.RegulatorReporting.Domain.Evaluation;

namespace Accreditation.RegulatorReporting.Tests.Domain.Evaluation;

public sealed class CellTests
{
    [Theory]
    [InlineData(12.25, "12.3")]
    [InlineData(83.33333, "83.3")]
    [InlineData(-4.04, "-4.0")]
    [InlineData(-0.04, "0.0")]
    [InlineData(100, "100.0")]
    public void OneDecimal_Value_RoundedHalfAwayFromZero(double value, string expected)
    {
        Assert.Equal(expected, Cell.OneDecimal(value).Text);
    }

    [Fact]
    public void Text_Markers_cAndz()
    {
        Assert.Equal(("c", "z", "17"), (Cell.Suppressed.Text, Cell.NotApplicable.Text, Cell.Count(17).Text));
        Assert.Null(Cell.Suppressed.Number);
    }

    [Fact]
    public void Rate_SuppressedNumeratorOrDenominator_Suppressed()
    {
        Assert.Equal("c", PassMeasures.Rate(Cell.Suppressed, Cell.Count(20)).Text);
        Assert.Equal("c", PassMeasures.Rate(Cell.Count(6), Cell.Suppressed).Text);
        Assert.Equal("30.0", PassMeasures.Rate(Cell.Count(6), Cell.Count(20)).Text);
        Assert.Equal("z", PassMeasures.Rate(Cell.Count(0), Cell.Count(0)).Text);
    }
}
