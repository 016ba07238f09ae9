namespace Accreditation.Sidecar.Configuration;

/// <summary>
/// How often one delivery is retried in-process and how long to wait between attempts, like a
/// Dapr resiliency retry policy (dapr/kit retry over cenkalti/backoff): constant (always
/// <see cref="Backoff"/>) or exponential (starting at <see cref="Backoff"/>, 500ms in Dapr,
/// growing by <see cref="ExponentialMultiplier"/> up to <see cref="MaxInterval"/>, 60s unless set).
/// The intervals match daprd's; daprd also randomises each exponential wait by ±50%
/// (<see cref="RandomizationFactor"/>), which the stand-in leaves out so runs are reproducible.
/// </summary>
public sealed record RetrySettings(int MaxRetries, TimeSpan Backoff, bool Exponential = false, TimeSpan? MaxInterval = null)
{
    public static readonly RetrySettings Default = new(3, TimeSpan.FromSeconds(1));

    /// <summary>Dapr's first exponential interval (not configurable in a Resiliency resource).</summary>
    public static readonly TimeSpan ExponentialInitialInterval = TimeSpan.FromMilliseconds(500);

    /// <summary>Dapr's maxInterval when an exponential policy does not set one.</summary>
    public static readonly TimeSpan DefaultMaxInterval = TimeSpan.FromSeconds(60);

    /// <summary>Dapr stops an exponential policy once this much time has passed (cenkalti/backoff's default MaxElapsedTime).</summary>
    public static readonly TimeSpan ExponentialMaxElapsedTime = TimeSpan.FromMinutes(15);

    /// <summary>Growth of each exponential interval over the previous one, as in Dapr.</summary>
    public const double ExponentialMultiplier = 1.5;

    /// <summary>daprd waits a random time within ±this fraction of each exponential interval.</summary>
    public const double RandomizationFactor = 0.5;

    /// <summary>Attempts in total: the first one plus the retries.</summary>
    public int MaxAttempts => Math.Max(0, MaxRetries) + 1;

    /// <summary>The wait before retry number <paramref name="retry"/> (1 for the first retry), without daprd's randomisation.</summary>
    public TimeSpan DelayBefore(int retry)
    {
        if (!Exponential)
        {
            return Backoff;
        }

        var cap = MaxInterval ?? DefaultMaxInterval;
        var delay = Backoff.TotalMilliseconds * Math.Pow(ExponentialMultiplier, Math.Min(Math.Max(retry, 1) - 1, 100));
        return delay >= cap.TotalMilliseconds ? cap : TimeSpan.FromMilliseconds(delay);
    }
}
