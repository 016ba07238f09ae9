using System.Globalization;

namespace Accreditation.System.Tests.Infrastructure;

/// <summary>Short pub/sub timings so redelivery and retries happen within a test's patience.</summary>
public sealed record SidecarTimings
{
    public static SidecarTimings Fast { get; } = new();

    /// <summary>How long a delivered entry may stay unacknowledged before another consumer reclaims it.</summary>
    public TimeSpan ProcessingTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How often pending entries are checked for reclaim.</summary>
    public TimeSpan RedeliverInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Wait between delivery retries (stand-in only; daprd takes this from a Resiliency resource).</summary>
    public TimeSpan RetryBackoff { get; init; } = TimeSpan.FromMilliseconds(200);

    public int RetryCount { get; init; } = 3;

    /// <summary>A duration as Go (and daprd) writes it: 5s, 200ms.</summary>
    public static string Go(TimeSpan value) =>
        value.TotalMilliseconds % 1000 == 0
            ? ((long)value.TotalSeconds).ToString(CultureInfo.InvariantCulture) + "s"
            : ((long)value.TotalMilliseconds).ToString(CultureInfo.InvariantCulture) + "ms";
}
