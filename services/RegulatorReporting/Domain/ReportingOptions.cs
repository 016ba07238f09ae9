namespace Accreditation.RegulatorReporting.Domain;

/// <summary>Section "Reporting".</summary>
public sealed class ReportingOptions
{
    public const string SectionName = "Reporting";

    /// <summary>
    /// The public HTTP/1.1 port for HTTP/JSON (transcoded), CSV downloads and the OpenAPI document,
    /// beside the h2c gRPC port (h2c and HTTP/1.1 cannot share a cleartext port). 0: none.
    /// </summary>
    public int HttpPort { get; set; } = 5002;

    public FeedOptions Feed { get; set; } = new();

    public IReadOnlyList<string> Problems()
    {
        List<string> problems = [];
        if (string.IsNullOrEmpty(Feed.CursorKey) || Feed.CursorKey.Length < 32)
        {
            problems.Add("Reporting:Feed:CursorKey must be set to at least 32 characters (it protects change-feed cursors against forgery)");
        }

        if (Feed.RetainedChanges < 1)
        {
            problems.Add("Reporting:Feed:RetainedChanges must be at least 1");
        }

        if (Feed.PollInterval <= TimeSpan.Zero || Feed.MaxStreamDuration <= TimeSpan.Zero)
        {
            problems.Add("Reporting:Feed:PollInterval and MaxStreamDuration must be positive");
        }

        if (HttpPort is < 0 or > 65535)
        {
            problems.Add("Reporting:HttpPort must be a port number (0: no HTTP/JSON port)");
        }

        return problems;
    }
}
