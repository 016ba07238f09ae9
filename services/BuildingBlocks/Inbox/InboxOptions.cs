namespace Accreditation.BuildingBlocks.Inbox;

/// <summary>Idempotent consumer settings. Section "Inbox".</summary>
public sealed class InboxOptions
{
    public const string SectionName = "Inbox";

    /// <summary>How long a processed CloudEvent id is remembered. Longer than any redelivery window.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Attempts when a concurrent change to the same state makes the transaction fail.</summary>
    public int MaxConflictRetries { get; set; } = 8;
}
