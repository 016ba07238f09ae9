using Accreditation.Sidecar.Configuration;

namespace Accreditation.Sidecar.Tests.Configuration;

public sealed class GoDurationTests
{
    [Theory]
    [InlineData("15s", 15_000)]
    [InlineData("500ms", 500)]
    [InlineData("1m30s", 90_000)]
    [InlineData("1h", 3_600_000)]
    [InlineData("1.5s", 1_500)]
    [InlineData("250", 250)]
    [InlineData("0", 0)]
    public void TryParse_GoOrMillisecondSyntax_Parsed(string text, double expectedMs)
    {
        Assert.True(GoDuration.TryParse(text, out var value));
        Assert.Equal(expectedMs, value.TotalMilliseconds);
    }

    [Theory]
    [InlineData("")]
    [InlineData("ten seconds")]
    [InlineData("5x")]
    [InlineData("s")]
    public void TryParse_Garbage_False(string text) => Assert.False(GoDuration.TryParse(text, out _));
}
