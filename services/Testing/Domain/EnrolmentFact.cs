using Accreditation.Contracts.Common.V1;

namespace Accreditation.Testing.Domain;

/// <summary>What one enrolment event says, reduced to what eligibility needs.</summary>
public sealed record EnrolmentFact(
    string EnrolmentId,
    string RegistrationNumber,
    Role Role,
    LocalAuthorityRef Authority,
    long EnrolmentVersion,
    EnrolmentFactKind Kind);
