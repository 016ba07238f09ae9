namespace Accreditation.RegulatorReporting.Domain;

/// <summary>Section "Reporting".</summary>
public sealed class ReportingOptions
{
    public const string SectionName = "Reporting";

    public FeedOptions Feed { get; set; } = new();

    /// <summary>Register entries one ListRegisterEntries call reads at most, whatever its filter matches (then the page ends early with a token).</summary>
    public int RegisterScanBudget { get; set; } = 5000;

    public EvaluationOptions Evaluation { get; set; } = new();

    public IReadOnlyList<string> Problems()
    {
        List<string> problems = [];
        if (string.IsNullOrEmpty(Feed.CursorKey) || Feed.CursorKey.Length < 32)
        {
            problems.Add("Reporting:Feed:CursorKey must be set to at least 32 characters (it protects change-feed cursors against forgery)");
        }

        if (RegisterScanBudget < 1)
        {
            problems.Add("Reporting:RegisterScanBudget must be at least 1");
        }

        if (Feed.RetainedChanges < 1)
        {
            problems.Add("Reporting:Feed:RetainedChanges must be at least 1");
        }

        if (Feed.PollInterval <= TimeSpan.Zero || Feed.MaxStreamDuration <= TimeSpan.Zero)
        {
            problems.Add("Reporting:Feed:PollInterval and MaxStreamDuration must be positive");
        }

        return problems;
    }
}
