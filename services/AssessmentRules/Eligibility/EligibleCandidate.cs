using System.Text.Json.Serialization;
using Accreditation.Contracts.Common.V1;

namespace Accreditation.AssessmentRules.Eligibility;

/// <summary>
/// What an assessment service keeps of a candidate, around the shared <see cref="CandidateEligibility"/>:
/// each service's own record adds what it books (a sitting, a session).
/// </summary>
public abstract record EligibleCandidate
{
    public required CandidateEligibility Eligibility { get; init; }

    [JsonIgnore]
    public string EnrolmentId => Eligibility.EnrolmentId;

    [JsonIgnore]
    public string RegistrationNumber => Eligibility.RegistrationNumber;

    [JsonIgnore]
    public Role Role => Eligibility.Role;

    [JsonIgnore]
    public bool Withdrawn => Eligibility.Withdrawn;

    [JsonIgnore]
    public LocalAuthorityRef Authority => Eligibility.Authority;
}
