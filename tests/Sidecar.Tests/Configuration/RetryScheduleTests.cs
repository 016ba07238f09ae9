using Accreditation.Sidecar.Configuration;

namespace Accreditation.Sidecar.Tests.Configuration;

public sealed class RetryScheduleTests
{
    [Fact]
    public void Length_Constant_SumOfEqualDelays()
    {
        var retry = new RetrySettings(4, TimeSpan.FromMilliseconds(250));

        Assert.Equal(TimeSpan.FromSeconds(1), RetrySchedule.Length(retry));
        Assert.Equal(4, RetrySchedule.Delays(retry).Count);
    }

    [Fact]
    public void Length_ExponentialAsInResiliencyYaml_DaprIntervalsCappedAtMaxIntervalWithJitterMargin()
    {
        // dapr/components/resiliency.yaml today: exponential, maxInterval 15s, maxRetries 8.
        var retry = new RetrySettings(8, RetrySettings.ExponentialInitialInterval, Exponential: true, MaxInterval: TimeSpan.FromSeconds(15));

        var delays = RetrySchedule.Delays(retry);

        double[] expectedMs = [500, 750, 1125, 1687.5, 2531.25, 3796.875, 5695.3125, 8542.96875];
        Assert.Equal(expectedMs.Length, delays.Count);
        Assert.All(expectedMs.Zip(delays), pair => Assert.Equal(pair.First, pair.Second.TotalMilliseconds, tolerance: 0.001));
        Assert.Equal(36_943.359375, RetrySchedule.Length(retry).TotalMilliseconds, tolerance: 0.01);
        Assert.False(RetrySchedule.Covers(TimeSpan.FromSeconds(15), retry));
        Assert.True(RetrySchedule.Covers(TimeSpan.FromSeconds(60), retry));
    }

    [Fact]
    public void Length_ExponentialReachingMaxInterval_EachDelayCapped()
    {
        var retry = new RetrySettings(10, RetrySettings.ExponentialInitialInterval, Exponential: true, MaxInterval: TimeSpan.FromSeconds(1));

        Assert.All(RetrySchedule.Delays(retry).Skip(2), d => Assert.Equal(TimeSpan.FromSeconds(1), d));
        Assert.Equal(1.5 * (0.5 + 0.75 + (8 * 1)), RetrySchedule.Length(retry).TotalSeconds, tolerance: 0.000_001);
    }

    [Fact]
    public void Length_ExponentialRetryingForever_CappedAtDaprMaxElapsedTime()
    {
        var retry = new RetrySettings(1000, RetrySettings.ExponentialInitialInterval, Exponential: true);

        Assert.Equal(TimeSpan.FromMinutes(15), RetrySchedule.Length(retry));
        Assert.True(RetrySchedule.Delays(retry).Aggregate(TimeSpan.Zero, (a, b) => a + b) <= TimeSpan.FromMinutes(15));
    }

    [Fact]
    public void Covers_RedeliveryDisabledOrNoRetries_True()
    {
        Assert.True(RetrySchedule.Covers(TimeSpan.Zero, new RetrySettings(100, TimeSpan.FromSeconds(10))));
        Assert.True(RetrySchedule.Covers(TimeSpan.FromMilliseconds(1), new RetrySettings(0, TimeSpan.FromSeconds(10))));
        Assert.False(RetrySchedule.Covers(TimeSpan.FromSeconds(1), new RetrySettings(1, TimeSpan.FromSeconds(1))));
    }
}
