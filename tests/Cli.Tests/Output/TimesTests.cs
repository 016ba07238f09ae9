using Accreditation.Cli.Output;
using Google.Protobuf.WellKnownTypes;

namespace Accreditation.Cli.Tests.Output;

public sealed class TimesTests
{
    [Theory]
    [InlineData(0.25, "250ms")]
    [InlineData(42, "42s")]
    [InlineData(192, "3m12s")]
    [InlineData(18_420, "5h07m")]
    [InlineData(187_200, "2d04h")]
    [InlineData(-5, "0ms")]
    public void Age_Seconds_LargestSensibleUnit(double seconds, string expected) =>
        Assert.Equal(expected, Times.Age(TimeSpan.FromSeconds(seconds)));

    [Fact]
    public void Iso_Timestamp_OneWordInUtc() =>
        Assert.Equal("2026-03-01T08:30:00Z", Times.Iso(Timestamp.FromDateTimeOffset(new DateTimeOffset(2026, 3, 1, 9, 30, 0, TimeSpan.FromHours(1)))));

    [Fact]
    public void Iso_Unset_Dash() => Assert.Equal("-", Times.Iso((Timestamp?)null));
}
