using Accreditation.LoadGen.Run;

namespace Accreditation.LoadGen.Tests.Run;

public sealed class DurationsTests
{
    [Theory]
    [InlineData("3s", 3_000)]
    [InlineData("0.2s", 200)]
    [InlineData("500ms", 500)]
    [InlineData("2m", 120_000)]
    [InlineData("10", 10_000)]
    [InlineData("00:00:03", 3_000)]
    public void TryParse_Forms_GiveTheDuration(string text, double milliseconds)
    {
        Assert.True(Durations.TryParse(text, out var duration));
        Assert.Equal(milliseconds, duration.TotalMilliseconds, 3);
    }

    [Theory]
    [InlineData("")]
    [InlineData("-1s")]
    [InlineData("soon")]
    public void TryParse_Nonsense_IsFalse(string text)
    {
        Assert.False(Durations.TryParse(text, out _));
    }
}
