using Accreditation.Contracts.Common.V1;
using Accreditation.RegulatorReporting.Domain;
using Accreditation.RegulatorReporting.Domain.Evaluation;

namespace Accreditation.RegulatorReporting.Tests.Domain.Evaluation;

/// <summary>Builds evaluation cohorts: enrolments folded from facts, with or without equality answers.</summary>
public static class Cohorts
{
    private static int _next;

    /// <summary>
    /// One enrolment: enrolled on day 0, endorsed on day 1 (unless not), the knowledge test on day 10
    /// and simulated practice on <paramref name="practiceDay"/> (null: not taken; true: passed), withdrawn on day 30 if asked.
    /// </summary>
    public static CohortMember Member(
        AuthorityRecord? authority = null,
        bool endorsed = true,
        bool? test = null,
        bool? practice = null,
        int practiceDay = 20,
        bool withdrawn = false,
        Role role = Role.ChildAndFamilyPractitioner,
        string phase = "phase-1",
        string? ageBand = null,
        string? ethnicGroup = null)
    {
        var id = "e" + Interlocked.Increment(ref _next).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var a = authority ?? Facts.Bury;
        List<ProgressFact> facts = [Facts.Of(ProgressFactKind.Enrolled, 0, id, 1, role: role, authority: a) with { Phase = phase }];
        if (endorsed)
        {
            facts.Add(Facts.Of(ProgressFactKind.Endorsed, 1, id, 2, role: role, authority: a));
        }

        if (test is { } t)
        {
            facts.Add(Facts.Of(ProgressFactKind.KnowledgeTestCompleted, 10, id, role: role, authority: a) with { AttemptKey = "s-" + id, AttemptNumber = 1, Passed = t });
        }

        if (practice is { } p)
        {
            facts.Add(Facts.Of(ProgressFactKind.SimulatedPracticeCompleted, practiceDay, id, role: role, authority: a) with { AttemptKey = "o-" + id, AttemptNumber = 1, Passed = p });
        }

        if (withdrawn)
        {
            facts.Add(Facts.Of(ProgressFactKind.Withdrawn, 30, id, 3, role: role, authority: a));
        }

        var answers = ageBand is null && ethnicGroup is null
            ? null
            : new EqualityAnswers(id, ageBand ?? "AGE_BAND_UNSPECIFIED", ethnicGroup ?? "ETHNIC_GROUP_UNSPECIFIED", "SEX_UNSPECIFIED", "DISABILITY_UNSPECIFIED", Facts.Day0);
        // Crafted members hold what the register would show once Enrolment accepted the award.
        var progress = Facts.Fold(facts);
        return new CohortMember(progress with { ConfirmedAccreditedAt = progress.AccreditedAt }, answers);
    }

    public static IEnumerable<CohortMember> Times(int count, Func<CohortMember> member) => Enumerable.Range(0, count).Select(_ => member());
}
