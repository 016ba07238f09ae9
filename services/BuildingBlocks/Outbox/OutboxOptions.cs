namespace Accreditation.BuildingBlocks.Outbox;

/// <summary>Outbox dispatcher settings. Section "Outbox".</summary>
public sealed class OutboxOptions
{
    public const string SectionName = "Outbox";

    /// <summary>How often the dispatcher looks for entries when nothing signalled it.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Entries read per round.</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>Retries of one publish before the round gives up and waits for the next.</summary>
    public int MaxRetryAttempts { get; set; } = 4;

    /// <summary>Base delay of the exponential, jittered retry backoff.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Failure ratio over the sampling window that opens the circuit.</summary>
    public double CircuitFailureRatio { get; set; } = 0.5;

    public int CircuitMinimumThroughput { get; set; } = 10;

    public TimeSpan CircuitSamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan CircuitBreakDuration { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Time limit of one publish attempt.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Lease that lets one replica of the service dispatch at a time, renewed before every publish.
    /// Longer than the worst case of one publish (every retry timing out), so it cannot lapse mid-publish.
    /// </summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(90);
}
