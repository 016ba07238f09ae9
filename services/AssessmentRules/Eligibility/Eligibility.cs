using Accreditation.BuildingBlocks.Errors;

namespace Accreditation.AssessmentRules.Eligibility;

/// <summary>
/// Folds enrolment events into a <see cref="CandidateEligibility"/>. The result is the same
/// whatever order the events arrive in (see <see cref="CandidateEligibility"/>).
/// </summary>
public static class Eligibility
{
    public static CandidateEligibility Apply(CandidateEligibility? current, EnrolmentFact fact)
    {
        ArgumentNullException.ThrowIfNull(fact);
        var record = current ?? new CandidateEligibility { EnrolmentId = fact.EnrolmentId };
        record = record with
        {
            RegistrationNumber = fact.RegistrationNumber,
            Role = fact.Role,
            Enrolled = true,
            Endorsed = record.Endorsed || fact.Kind == EnrolmentFactKind.Endorsed,
            Withdrawn = record.Withdrawn || fact.Kind == EnrolmentFactKind.Withdrawn,
            FilmingConsent = fact.FilmingConsent ?? record.FilmingConsent,
        };
        if (fact.EnrolmentVersion > record.AuthorityVersion)
        {
            record = record with
            {
                AuthorityVersion = fact.EnrolmentVersion,
                AuthorityCode = fact.Authority.GssCode,
                AuthorityLaNumber = fact.Authority.LaNumber,
                AuthorityName = fact.Authority.Name,
            };
        }

        return record;
    }

    /// <summary>FAILED_PRECONDITION unless the candidate is known, endorsed and not withdrawn.</summary>
    public static void EnsureEligible(CandidateEligibility? candidate, string enrolmentId)
    {
        if (candidate is null || !candidate.Enrolled)
        {
            throw new DomainRuleException($"enrolment {enrolmentId} is not known here yet; the candidate must be enrolled and endorsed");
        }

        if (candidate.Withdrawn)
        {
            throw new DomainRuleException($"enrolment {enrolmentId} is withdrawn");
        }

        if (!candidate.Endorsed)
        {
            throw new DomainRuleException($"enrolment {enrolmentId} has no practice endorsement yet; endorsement unlocks booking");
        }
    }
}
