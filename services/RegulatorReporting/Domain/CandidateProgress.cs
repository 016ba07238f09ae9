using System.Collections.Immutable;
using System.Text.Json.Serialization;
using Accreditation.Contracts.Common.V1;

namespace Accreditation.RegulatorReporting.Domain;

/// <summary>
/// Everything Reporting knows of one enrolment, folded from the integration events by
/// <see cref="CandidateProjection.Apply"/> in any order and with any duplicates: enrolled,
/// endorsed and withdrawn are facts that only become true (the earliest date wins); completed
/// attempts are keyed by their sitting or session id; the authority is the newest enrolment
/// event's (highest enrolment version). Serves the regulator's register (through
/// <see cref="AccreditationDecision"/>) and the evaluation's stage counts and durations by phase,
/// authority and role. Equality-monitoring answers are not here: they are kept apart.
/// </summary>
public sealed record CandidateProgress
{
    public required string EnrolmentId { get; init; }

    public string RegistrationNumber { get; init; } = "";

    public Role Role { get; init; }

    /// <summary>The enrolled event has arrived (it alone carries the phase and the enrolment date).</summary>
    public bool Enrolled { get; init; }

    public DateTimeOffset? EnrolledAt { get; init; }

    public string Phase { get; init; } = "";

    public AuthorityRecord Authority { get; init; } = AuthorityRecord.None;

    /// <summary>Enrolment version of the event the authority was taken from (0: an assessment event's).</summary>
    public long AuthorityVersion { get; init; }

    /// <summary>When the event the authority was taken from occurred (orders assessment events, which carry no version).</summary>
    public DateTimeOffset? AuthorityAt { get; init; }

    public DateTimeOffset? EndorsedAt { get; init; }

    public DateTimeOffset? WithdrawnAt { get; init; }

    /// <summary>Enrolment versions of the moves between authorities.</summary>
    public ImmutableSortedSet<long> MoveVersions { get; init; } = [];

    /// <summary>Completed knowledge-test sittings by sitting id.</summary>
    public ImmutableSortedDictionary<string, AssessmentAttempt> KnowledgeTests { get; init; } = ImmutableSortedDictionary<string, AssessmentAttempt>.Empty.WithComparers(StringComparer.Ordinal);

    /// <summary>Completed simulated-practice sessions by session id.</summary>
    public ImmutableSortedDictionary<string, AssessmentAttempt> SimulatedPractice { get; init; } = ImmutableSortedDictionary<string, AssessmentAttempt>.Empty.WithComparers(StringComparer.Ordinal);

    /// <summary>The earliest passed knowledge test, if any.</summary>
    [JsonIgnore]
    public DateTimeOffset? KnowledgeTestPassedAt => EarliestPass(KnowledgeTests);

    /// <summary>The earliest passed simulated practice, if any.</summary>
    [JsonIgnore]
    public DateTimeOffset? SimulatedPracticePassedAt => EarliestPass(SimulatedPractice);

    /// <summary>The accreditation date the facts decide, or null (see <see cref="AccreditationDecision"/>).</summary>
    [JsonIgnore]
    public DateTimeOffset? AccreditedAt => AccreditationDecision.AccreditedAt(this);

    /// <summary>
    /// The accreditation this enrolment holds on the register: an award to it that Enrolment accepted
    /// (set when read for the evaluation; never stored). The evaluation counts these, not decisions.
    /// </summary>
    [JsonIgnore]
    public DateTimeOffset? ConfirmedAccreditedAt { get; init; }

    /// <summary>How far the candidate has got, for the evaluation's stage counts.</summary>
    [JsonIgnore]
    public CandidateStage Stage =>
        AccreditedAt is not null ? CandidateStage.Accredited
        : WithdrawnAt is not null ? CandidateStage.Withdrawn
        : KnowledgeTests.Count + SimulatedPractice.Count > 0 ? CandidateStage.Assessing
        : EndorsedAt is not null ? CandidateStage.Endorsed
        : CandidateStage.Enrolled;

    private static DateTimeOffset? EarliestPass(ImmutableSortedDictionary<string, AssessmentAttempt> attempts) =>
        attempts.Values.Where(a => a.Passed).Select(a => (DateTimeOffset?)a.CompletedAt).Min();
}
