namespace Accreditation.RegulatorReporting.Domain;

/// <summary>
/// The accreditation decision for a person in a role (registration number and role), a pure
/// function of what is known of all their enrolments in the role, so the same whatever order the
/// facts arrived in. Testing and Observation keep attempts per person and do not let a person
/// re-take a component they passed, so a pass under an earlier enrolment counts after re-enrolment:
/// the earliest pass of each component across the enrolments counts, and the person is accredited
/// on the date of the later of the two. The award names the enrolment that holds that later pass
/// or, when that one was withdrawn before it, the person's current enrolment at that date (the
/// latest enrolled by then); the named enrolment must be enrolled, endorsed and not withdrawn
/// before the date. For one enrolment this is <see cref="AccreditationDecision"/>.
/// </summary>
public static class PersonDecision
{
    public static PersonAward? Decide(IReadOnlyCollection<CandidateProgress> enrolments)
    {
        ArgumentNullException.ThrowIfNull(enrolments);
        if (EarliestPass(enrolments, p => p.KnowledgeTestPassedAt) is not { } knowledge
            || EarliestPass(enrolments, p => p.SimulatedPracticePassedAt) is not { } practice)
        {
            return null;
        }

        var (laterAt, laterHolder) = practice.At >= knowledge.At ? practice : knowledge;
        var holder = enrolments.FirstOrDefault(e => e.EnrolmentId == laterHolder);
        if (holder is null || !Qualifies(holder, laterAt))
        {
            holder = enrolments
                .Where(e => e.EnrolmentId != laterHolder && e.Enrolled && e.EnrolledAt <= laterAt)
                .OrderByDescending(e => e.EnrolledAt)
                .ThenByDescending(e => e.EnrolmentId, StringComparer.Ordinal)
                .FirstOrDefault();
            if (holder is null || !Qualifies(holder, laterAt))
            {
                return null;
            }
        }

        return new PersonAward(holder.EnrolmentId, laterAt);
    }

    /// <summary>
    /// The award to announce now, if any: what <see cref="Decide"/> decides, unless an award of the
    /// person is pending or accepted (<paramref name="awards"/>: the status of each enrolment's award)
    /// or the named enrolment's award was declined (final for that enrolment).
    /// </summary>
    public static PersonAward? NextAward(IReadOnlyCollection<CandidateProgress> enrolments, IReadOnlyDictionary<string, AwardStatus> awards)
    {
        ArgumentNullException.ThrowIfNull(awards);
        if (awards.Values.Any(s => s != AwardStatus.Declined) || Decide(enrolments) is not { } decision || awards.ContainsKey(decision.EnrolmentId))
        {
            return null;
        }

        return decision;
    }

    private static bool Qualifies(CandidateProgress enrolment, DateTimeOffset at) =>
        enrolment.Enrolled && enrolment.EndorsedAt is not null && !(enrolment.WithdrawnAt < at);

    private static (DateTimeOffset At, string EnrolmentId)? EarliestPass(IEnumerable<CandidateProgress> enrolments, Func<CandidateProgress, DateTimeOffset?> pass) =>
        enrolments
            .Where(e => pass(e) is not null)
            .Select(e => ((DateTimeOffset At, string EnrolmentId)?)(pass(e)!.Value, e.EnrolmentId))
            .OrderBy(p => p!.Value.At)
            .ThenBy(p => p!.Value.EnrolmentId, StringComparer.Ordinal)
            .FirstOrDefault();
}
