namespace Accreditation.RegulatorReporting.Domain;

/// <summary>Section "Reporting:Feed": the register's change feed.</summary>
public sealed class FeedOptions
{
    /// <summary>HMAC key of change-feed cursors (at least 32 characters). A development default is in appsettings.Development.json.</summary>
    public string CursorKey { get; set; } = "";

    /// <summary>How many changes the feed keeps; a cursor older than that is OUT_OF_RANGE (export again).</summary>
    public int RetainedChanges { get; set; } = 1_000_000;

    /// <summary>How often an open change stream looks for new changes once caught up.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>How long one change stream stays open at most; the client resumes from its last cursor.</summary>
    public TimeSpan MaxStreamDuration { get; set; } = TimeSpan.FromMinutes(30);
}
