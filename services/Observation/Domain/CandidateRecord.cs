using Accreditation.AssessmentRules.Eligibility;

namespace Accreditation.Observation.Domain;

/// <summary>
/// What Observation knows of a candidate: the eligibility projected from enrolment events (shared
/// rules, see <see cref="EligibleCandidate"/>) and the open session. Attempts are kept per person
/// and role, not per enrolment, so re-enrolling never resets the resit rules.
/// </summary>
public sealed record CandidateRecord : EligibleCandidate
{
    /// <summary>The session not yet completed or cancelled, if any.</summary>
    public string? OpenSessionId { get; init; }

    /// <summary>Applies one enrolment event (any order, see <see cref="AssessmentRules.Eligibility.Eligibility"/>).</summary>
    public static CandidateRecord Apply(CandidateRecord? current, EnrolmentFact fact)
    {
        var eligibility = AssessmentRules.Eligibility.Eligibility.Apply(current?.Eligibility, fact);
        return current is null ? new CandidateRecord { Eligibility = eligibility } : current with { Eligibility = eligibility };
    }
}
