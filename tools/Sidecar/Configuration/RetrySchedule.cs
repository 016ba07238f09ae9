namespace Accreditation.Sidecar.Configuration;

/// <summary>
/// How long a delivery can spend in the waits of an inbound retry policy, and whether a
/// processingTimeout covers that. Pure functions, so tests can check a pubsub component against its
/// Resiliency resource (e.g. dapr/components/pubsub.yaml against dapr/components/resiliency.yaml):
/// <code>
/// var component = ResourceFolder.Load("dapr/components", appId).PubSubs.Single();
/// Assert.True(RetrySchedule.Covers(component.ProcessingTimeout, component.InboundRetry!));
/// </code>
/// Why it matters: daprd keeps retrying a delivery in-process (its resiliency runner is not bound
/// by processingTimeout) while pubsub.redis reclaims any entry pending longer than processingTimeout
/// and delivers it again, so a retry schedule longer than processingTimeout means the same event is
/// delivered twice at once. The stand-in never reclaims an entry it is still delivering itself, but
/// another instance or a real daprd sharing the consumer group would.
/// </summary>
public static class RetrySchedule
{
    /// <summary>The waits before each retry as the stand-in waits them (daprd's nominal intervals).</summary>
    public static IReadOnlyList<TimeSpan> Delays(RetrySettings retry)
    {
        ArgumentNullException.ThrowIfNull(retry);
        var delays = new List<TimeSpan>();
        var total = TimeSpan.Zero;
        for (var n = 1; n <= Math.Max(0, retry.MaxRetries); n++)
        {
            var delay = retry.DelayBefore(n);
            if (retry.Exponential && total + delay > RetrySettings.ExponentialMaxElapsedTime)
            {
                break;
            }

            total += delay;
            delays.Add(delay);
        }

        return delays;
    }

    /// <summary>
    /// The longest time daprd can spend waiting between the attempts of one delivery: the sum of all
    /// retry delays, each capped by maxInterval; for an exponential policy each delay taken at its
    /// randomised maximum (+50%) and the sum capped at 15 minutes, after which daprd gives up.
    /// The time the app takes to answer each attempt comes on top.
    /// </summary>
    public static TimeSpan Length(RetrySettings retry)
    {
        ArgumentNullException.ThrowIfNull(retry);
        if (!retry.Exponential)
        {
            return TimeSpan.FromTicks(retry.Backoff.Ticks * Math.Max(0, retry.MaxRetries));
        }

        var total = TimeSpan.Zero;
        for (var n = 1; n <= Math.Max(0, retry.MaxRetries); n++)
        {
            total += retry.DelayBefore(n) * (1 + RetrySettings.RandomizationFactor);
            if (total >= RetrySettings.ExponentialMaxElapsedTime)
            {
                return RetrySettings.ExponentialMaxElapsedTime;
            }
        }

        return total;
    }

    /// <summary>True when <paramref name="processingTimeout"/> is longer than the whole schedule, or redelivery is off (zero).</summary>
    public static bool Covers(TimeSpan processingTimeout, RetrySettings retry) =>
        processingTimeout <= TimeSpan.Zero || processingTimeout > Length(retry);
}
