namespace Accreditation.Testing.Domain;

/// <summary>
/// Folds enrolment events into a candidate record. The result is the same whatever order the
/// events arrive in: enrolled, endorsed and withdrawn only ever become true, and the authority
/// is the one of the newest event (highest enrolment version).
/// </summary>
public static class Eligibility
{
    public static CandidateRecord Apply(CandidateRecord? current, EnrolmentFact fact)
    {
        ArgumentNullException.ThrowIfNull(fact);
        var record = current ?? new CandidateRecord { EnrolmentId = fact.EnrolmentId };
        record = record with
        {
            RegistrationNumber = fact.RegistrationNumber,
            Role = fact.Role,
            Enrolled = true,
            Endorsed = record.Endorsed || fact.Kind == EnrolmentFactKind.Endorsed,
            Withdrawn = record.Withdrawn || fact.Kind == EnrolmentFactKind.Withdrawn,
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
}
