namespace Accreditation.Sidecar.Configuration;

/// <summary>
/// How often one delivery is retried in-process and how long to wait between attempts, like a
/// Dapr resiliency retry policy: constant (always <see cref="Backoff"/>) or exponential (starting
/// at <see cref="Backoff"/>, doubling up to <see cref="MaxInterval"/>).
/// </summary>
public sealed record RetrySettings(int MaxRetries, TimeSpan Backoff, bool Exponential = false, TimeSpan? MaxInterval = null)
{
    public static readonly RetrySettings Default = new(3, TimeSpan.FromSeconds(1));

    /// <summary>Attempts in total: the first one plus the retries.</summary>
    public int MaxAttempts => Math.Max(0, MaxRetries) + 1;

    /// <summary>The wait before retry number <paramref name="retry"/> (1 for the first retry).</summary>
    public TimeSpan DelayBefore(int retry)
    {
        if (!Exponential || retry <= 1)
        {
            return Backoff;
        }

        var factor = Math.Pow(2, Math.Min(retry - 1, 30));
        var delay = TimeSpan.FromMilliseconds(Backoff.TotalMilliseconds * factor);
        var cap = MaxInterval ?? TimeSpan.FromSeconds(60);
        return delay > cap ? cap : delay;
    }
}
