using System.Text.Json.Serialization;
using Accreditation.Contracts.Common.V1;

namespace Accreditation.AssessmentRules.Eligibility;

/// <summary>
/// What an assessment service knows of a candidate from enrolment events, whatever order they
/// arrived in: enrolled, endorsed and withdrawn are facts that only ever become true; the authority
/// is the one of the newest event (highest enrolment version); filming consent comes from the
/// enrolled event.
/// </summary>
public sealed record CandidateEligibility
{
    public required string EnrolmentId { get; init; }

    public string RegistrationNumber { get; init; } = "";

    public Role Role { get; init; }

    public string AuthorityCode { get; init; } = "";

    public string AuthorityLaNumber { get; init; } = "";

    public string AuthorityName { get; init; } = "";

    /// <summary>Enrolment version of the event the authority was taken from.</summary>
    public long AuthorityVersion { get; init; }

    public bool Enrolled { get; init; }

    public bool Endorsed { get; init; }

    public bool Withdrawn { get; init; }

    /// <summary>The candidate's consent to filming of simulated practice (false until the enrolled event arrives).</summary>
    public bool FilmingConsent { get; init; }

    /// <summary>Endorsed and not withdrawn: may book assessments.</summary>
    [JsonIgnore]
    public bool Eligible => Endorsed && !Withdrawn;

    [JsonIgnore]
    public LocalAuthorityRef Authority => new() { GssCode = AuthorityCode, LaNumber = AuthorityLaNumber, Name = AuthorityName };
}
