using Accreditation.Contracts.Common.V1;
using Accreditation.Contracts.Enrolment.V1;

namespace Accreditation.Enrolment.Domain;

/// <summary>A validated, normalised enrolment request.</summary>
public sealed record NewCandidate(
    string RegistrationNumber,
    string GivenName,
    string FamilyName,
    string WorkEmail,
    Role Role,
    LocalAuthority Authority,
    string HrReference,
    Consent Consent,
    EqualityMonitoring? EqualityMonitoring);
