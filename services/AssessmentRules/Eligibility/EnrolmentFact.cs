using Accreditation.Contracts.Common.V1;

namespace Accreditation.AssessmentRules.Eligibility;

/// <summary>
/// What one enrolment event says, reduced to what eligibility needs. <see cref="FilmingConsent"/>
/// is known only from the enrolled event (null from the others).
/// </summary>
public sealed record EnrolmentFact(
    string EnrolmentId,
    string RegistrationNumber,
    Role Role,
    LocalAuthorityRef Authority,
    long EnrolmentVersion,
    EnrolmentFactKind Kind,
    bool? FilmingConsent = null);
