namespace Accreditation.RegulatorReporting.Domain;

/// <summary>
/// What one enrolment contributes to its person's register entry in the role. The accreditation
/// date is the announced award's once Enrolment has accepted it (confirmed), else none: a decision
/// that is not yet confirmed, or was declined, never shows as accredited.
/// </summary>
public sealed record EnrolmentContribution(DateTimeOffset? AccreditedAt, DateTimeOffset? EnrolledAt, AuthorityRecord Authority, string Phase)
{
    public static EnrolmentContribution Of(CandidateProgress progress, DateTimeOffset? confirmedAt)
    {
        ArgumentNullException.ThrowIfNull(progress);
        return new EnrolmentContribution(confirmedAt, progress.EnrolledAt, progress.Authority, progress.Phase);
    }
}
