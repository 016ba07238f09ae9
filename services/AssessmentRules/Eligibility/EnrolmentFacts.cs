using Accreditation.BuildingBlocks.Subscriptions;
using Accreditation.BuildingBlocks.Validation;
using Accreditation.Contracts.Common.V1;
using Accreditation.Contracts.Events.V1;

namespace Accreditation.AssessmentRules.Eligibility;

/// <summary>Reads the enrolment events every assessment service subscribes to as <see cref="EnrolmentFact"/>s.</summary>
public static class EnrolmentFacts
{
    public static EnrolmentFact From(CandidateEnrolled message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return Fact(message.EnrolmentId, message.RegistrationNumber, message.Role, message.Authority, message.EnrolmentVersion, EnrolmentFactKind.Enrolled, message.FilmingConsent);
    }

    public static EnrolmentFact From(CandidateEndorsed message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return Fact(message.EnrolmentId, message.RegistrationNumber, message.Role, message.Authority, message.EnrolmentVersion, EnrolmentFactKind.Endorsed);
    }

    public static EnrolmentFact From(CandidateWithdrawn message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return Fact(message.EnrolmentId, message.RegistrationNumber, message.Role, message.Authority, message.EnrolmentVersion, EnrolmentFactKind.Withdrawn);
    }

    public static EnrolmentFact From(CandidateMoved message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return Fact(message.EnrolmentId, message.RegistrationNumber, message.Role, message.Authority, message.EnrolmentVersion, EnrolmentFactKind.Moved);
    }

    /// <summary>A fact, or <see cref="PoisonEventException"/> (dead-lettered, never retried) for an event no consumer could apply.</summary>
    private static EnrolmentFact Fact(string enrolmentId, string registrationNumber, Role role, LocalAuthorityRef? authority, long version, EnrolmentFactKind kind, bool? filmingConsent = null)
    {
        if (!Require.IsId(enrolmentId))
        {
            throw new PoisonEventException("the event has no valid enrolment_id");
        }

        return new EnrolmentFact(enrolmentId, registrationNumber, role, authority ?? new LocalAuthorityRef(), version, kind, filmingConsent);
    }
}
