using Accreditation.Contracts.Common.V1;

namespace Accreditation.Testing.Domain;

/// <summary>
/// What Testing knows of a candidate: the eligibility projected from enrolment events (order
/// independent: endorsement and withdrawal are facts that stay true, the authority comes from the
/// newest event) and the open sitting. Scored attempts are kept per person and role, not per
/// enrolment (see <see cref="AttemptRecord"/>), so re-enrolling never resets the resit rules.
/// </summary>
public sealed record CandidateRecord
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

    /// <summary>The booked or in-progress sitting, if any.</summary>
    public string? OpenSittingId { get; init; }

    public bool Eligible => Endorsed && !Withdrawn;

    public LocalAuthorityRef Authority => new() { GssCode = AuthorityCode, LaNumber = AuthorityLaNumber, Name = AuthorityName };
}
