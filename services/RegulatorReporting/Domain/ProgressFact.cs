using Accreditation.Contracts.Common.V1;

namespace Accreditation.RegulatorReporting.Domain;

/// <summary>
/// What one integration event says about a candidate's progress, reduced to what the projection
/// keeps. <see cref="EnrolmentVersion"/> is 0 on assessment events (they carry none);
/// <see cref="AttemptKey"/> (sitting or session id), <see cref="AttemptNumber"/> and
/// <see cref="Passed"/> are set only on assessment events; <see cref="Phase"/> only on the enrolled event.
/// </summary>
public sealed record ProgressFact
{
    public required ProgressFactKind Kind { get; init; }

    public required string EnrolmentId { get; init; }

    public required string RegistrationNumber { get; init; }

    public required Role Role { get; init; }

    public required AuthorityRecord Authority { get; init; }

    public required DateTimeOffset OccurredAt { get; init; }

    public long EnrolmentVersion { get; init; }

    public string Phase { get; init; } = "";

    public string AttemptKey { get; init; } = "";

    public int AttemptNumber { get; init; }

    public bool Passed { get; init; }
}
