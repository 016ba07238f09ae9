using System.Globalization;

namespace Accreditation.System.Tests.Infrastructure;

/// <summary>Short pub/sub timings so redelivery and retries happen within a test's patience.</summary>
public sealed record SidecarTimings
{
    public static SidecarTimings Fast { get; } = new();

    /// <summary>
    /// How long a delivered entry may stay unacknowledged before another consumer reclaims it;
    /// longer than the whole retry schedule below, as the shipped component is (see Deployment.Tests).
    /// </summary>
    public TimeSpan ProcessingTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>How often pending entries are checked for reclaim.</summary>
    public TimeSpan RedeliverInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Wait between delivery retries (stand-in only; daprd takes this from a Resiliency resource).
    /// Retries span 10 s, longer than a service takes to restart after a crash, so a delivery
    /// interrupted by the crash reaches the restarted process instead of the dead-letter topic.
    /// </summary>
    public TimeSpan RetryBackoff { get; init; } = TimeSpan.FromMilliseconds(500);

    public int RetryCount { get; init; } = 20;

    /// <summary>A duration as Go (and daprd) writes it: 5s, 200ms.</summary>
    public static string Go(TimeSpan value) =>
        value.TotalMilliseconds % 1000 == 0
            ? ((long)value.TotalSeconds).ToString(CultureInfo.InvariantCulture) + "s"
            : ((long)value.TotalMilliseconds).ToString(CultureInfo.InvariantCulture) + "ms";
}
