namespace Accreditation.BuildingBlocks.Inbox;

/// <summary>What an idempotent consumer did with one event.</summary>
public enum ConsumeOutcome
{
    /// <summary>The event's state change was applied, together with the record that it was.</summary>
    Applied,

    /// <summary>The event id had been processed before; nothing changed.</summary>
    Duplicate,
}
