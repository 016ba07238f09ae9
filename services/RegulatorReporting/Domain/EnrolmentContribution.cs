namespace Accreditation.RegulatorReporting.Domain;

/// <summary>
/// What one enrolment contributes to its person's register entry in the role. The accreditation
/// date is the announced award's when there is one (an award stands), else the decision's.
/// </summary>
public sealed record EnrolmentContribution(DateTimeOffset? AccreditedAt, DateTimeOffset? EnrolledAt, AuthorityRecord Authority, string Phase)
{
    public static EnrolmentContribution Of(CandidateProgress progress, DateTimeOffset? awardedAt)
    {
        ArgumentNullException.ThrowIfNull(progress);
        return new EnrolmentContribution(awardedAt ?? progress.AccreditedAt, progress.EnrolledAt, progress.Authority, progress.Phase);
    }
}
