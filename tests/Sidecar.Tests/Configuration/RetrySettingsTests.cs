using Accreditation.Sidecar.Configuration;

namespace Accreditation.Sidecar.Tests.Configuration;

public sealed class RetrySettingsTests
{
    [Fact]
    public void DelayBefore_Constant_SameEveryTime()
    {
        var retry = new RetrySettings(3, TimeSpan.FromMilliseconds(100));

        Assert.Equal(4, retry.MaxAttempts);
        Assert.All([1, 2, 3], n => Assert.Equal(TimeSpan.FromMilliseconds(100), retry.DelayBefore(n)));
    }

    [Fact]
    public void DelayBefore_Exponential_GrowsByDaprMultiplierUpToMaxInterval()
    {
        var retry = new RetrySettings(10, TimeSpan.FromMilliseconds(500), Exponential: true, MaxInterval: TimeSpan.FromSeconds(2));

        Assert.Equal(TimeSpan.FromMilliseconds(500), retry.DelayBefore(1));
        Assert.Equal(TimeSpan.FromMilliseconds(750), retry.DelayBefore(2));
        Assert.Equal(TimeSpan.FromMilliseconds(1125), retry.DelayBefore(3));
        Assert.Equal(TimeSpan.FromMilliseconds(1687.5), retry.DelayBefore(4));
        Assert.Equal(TimeSpan.FromSeconds(2), retry.DelayBefore(5));
        Assert.Equal(TimeSpan.FromSeconds(60), (retry with { MaxInterval = null }).DelayBefore(30));
    }
}
