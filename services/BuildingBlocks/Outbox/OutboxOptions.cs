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
    /// Lease that lets one replica of the service dispatch at a time. Short, and kept alive by a
    /// heartbeat every third of it while its holder lives, so when the holder dies (kill -9) another
    /// replica or the restarted process takes over within about this long.
    /// </summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(6);

    /// <summary>Refusals (publishes the sidecar rejects for good) after which an entry is parked instead of blocking its topic.</summary>
    public int MaxRefusals { get; set; } = 5;

    /// <summary>How long stopping waits for the store to release the lease; a dead store must not hold up shutdown.</summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(2);
}
