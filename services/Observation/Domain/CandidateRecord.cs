using System.Text.Json.Serialization;
using Accreditation.AssessmentRules.Eligibility;
using Accreditation.Contracts.Common.V1;

namespace Accreditation.Observation.Domain;

/// <summary>
/// What Observation knows of a candidate: the eligibility projected from enrolment events (shared
/// rules, see <see cref="CandidateEligibility"/>) and the open session. Attempts are kept per person
/// and role, not per enrolment, so re-enrolling never resets the resit rules.
/// </summary>
public sealed record CandidateRecord
{
    public required CandidateEligibility Eligibility { get; init; }

    /// <summary>The session not yet completed or cancelled, if any.</summary>
    public string? OpenSessionId { get; init; }

    [JsonIgnore]
    public string EnrolmentId => Eligibility.EnrolmentId;

    [JsonIgnore]
    public string RegistrationNumber => Eligibility.RegistrationNumber;

    [JsonIgnore]
    public Role Role => Eligibility.Role;

    [JsonIgnore]
    public LocalAuthorityRef Authority => Eligibility.Authority;

    /// <summary>Applies one enrolment event (any order, see <see cref="AssessmentRules.Eligibility.Eligibility"/>).</summary>
    public static CandidateRecord Apply(CandidateRecord? current, EnrolmentFact fact)
    {
        var eligibility = AssessmentRules.Eligibility.Eligibility.Apply(current?.Eligibility, fact);
        return current is null ? new CandidateRecord { Eligibility = eligibility } : current with { Eligibility = eligibility };
    }
}
