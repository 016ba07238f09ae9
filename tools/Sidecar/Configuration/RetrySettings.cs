namespace Accreditation.Sidecar.Configuration;

/// <summary>How often a delivery is retried in-process and how long to wait between attempts.</summary>
public sealed record RetrySettings(int MaxRetries, TimeSpan Backoff)
{
    public static readonly RetrySettings Default = new(3, TimeSpan.FromSeconds(1));

    /// <summary>Attempts in total: the first one plus the retries.</summary>
    public int MaxAttempts => Math.Max(0, MaxRetries) + 1;
}
