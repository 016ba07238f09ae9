namespace Accreditation.RegulatorReporting.Domain;

/// <summary>
/// A candidate's equality-monitoring answers, kept apart from the progress projection and used only
/// in aggregate by the evaluation; never in a regulator response. Values are the proto enum names.
/// The newest recording wins.
/// </summary>
public sealed record EqualityAnswers(string EnrolmentId, string AgeBand, string EthnicGroup, string Sex, string Disability, DateTimeOffset RecordedAt)
{
    public static EqualityAnswers Newest(EqualityAnswers? current, EqualityAnswers candidate)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        return current is not null && current.RecordedAt >= candidate.RecordedAt ? current : candidate;
    }
}
