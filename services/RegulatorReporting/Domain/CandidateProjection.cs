using System.Collections.Immutable;

namespace Accreditation.RegulatorReporting.Domain;

/// <summary>
/// Folds <see cref="ProgressFact"/>s into a <see cref="CandidateProgress"/>. Every step is
/// commutative, associative and idempotent (earliest date, union of attempts keyed by id, newest
/// authority by version), so any order and any duplicates give the in-order result.
/// </summary>
public static class CandidateProjection
{
    public static CandidateProgress Apply(CandidateProgress? current, ProgressFact fact)
    {
        ArgumentNullException.ThrowIfNull(fact);
        var p = current ?? new CandidateProgress { EnrolmentId = fact.EnrolmentId };
        p = p with
        {
            RegistrationNumber = Max(p.RegistrationNumber, fact.RegistrationNumber),
            Role = p.Role > fact.Role ? p.Role : fact.Role,
        };
        p = WithAuthority(p, fact);
        return fact.Kind switch
        {
            ProgressFactKind.Enrolled => WithEnrolled(p, fact),
            ProgressFactKind.Endorsed => p with { EndorsedAt = Earliest(p.EndorsedAt, fact.OccurredAt) },
            ProgressFactKind.Withdrawn => p with { WithdrawnAt = Earliest(p.WithdrawnAt, fact.OccurredAt) },
            ProgressFactKind.Moved => p with { MoveVersions = p.MoveVersions.Add(fact.EnrolmentVersion) },
            ProgressFactKind.KnowledgeTestCompleted => p with { KnowledgeTests = WithAttempt(p.KnowledgeTests, fact) },
            ProgressFactKind.SimulatedPracticeCompleted => p with { SimulatedPractice = WithAttempt(p.SimulatedPractice, fact) },
            _ => throw new ArgumentOutOfRangeException(nameof(fact), fact.Kind, "unknown fact kind"),
        };
    }

    private static CandidateProgress WithEnrolled(CandidateProgress p, ProgressFact fact)
    {
        // One enrolled event per enrolment; should two ever differ, the earliest (then the smaller phase name) wins.
        var replaces = !p.Enrolled || fact.OccurredAt < p.EnrolledAt
            || (fact.OccurredAt == p.EnrolledAt && string.CompareOrdinal(fact.Phase, p.Phase) < 0);
        return replaces ? p with { Enrolled = true, EnrolledAt = fact.OccurredAt, Phase = fact.Phase } : p;
    }

    private static CandidateProgress WithAuthority(CandidateProgress p, ProgressFact fact)
    {
        if (fact.Authority.GssCode.Length == 0)
        {
            return p;
        }

        var newer = p.AuthorityAt is null
            || fact.EnrolmentVersion > p.AuthorityVersion
            || (fact.EnrolmentVersion == p.AuthorityVersion && fact.OccurredAt > p.AuthorityAt)
            || (fact.EnrolmentVersion == p.AuthorityVersion && fact.OccurredAt == p.AuthorityAt && string.CompareOrdinal(fact.Authority.GssCode, p.Authority.GssCode) > 0);
        return newer ? p with { Authority = fact.Authority, AuthorityVersion = fact.EnrolmentVersion, AuthorityAt = fact.OccurredAt } : p;
    }

    private static ImmutableSortedDictionary<string, AssessmentAttempt> WithAttempt(ImmutableSortedDictionary<string, AssessmentAttempt> attempts, ProgressFact fact)
    {
        var attempt = new AssessmentAttempt(fact.AttemptNumber, fact.Passed, fact.OccurredAt);
        if (attempts.TryGetValue(fact.AttemptKey, out var existing) && !Later(attempt, existing))
        {
            return attempts;
        }

        return attempts.SetItem(fact.AttemptKey, attempt);
    }

    /// <summary>Orders two reports of the same attempt (identical in practice) so the choice does not depend on arrival.</summary>
    private static bool Later(AssessmentAttempt a, AssessmentAttempt b) =>
        a.CompletedAt != b.CompletedAt ? a.CompletedAt > b.CompletedAt
        : a.Passed != b.Passed ? a.Passed
        : a.AttemptNumber > b.AttemptNumber;

    private static DateTimeOffset Earliest(DateTimeOffset? current, DateTimeOffset candidate) =>
        current is { } c && c <= candidate ? c : candidate;

    private static string Max(string a, string b) => string.CompareOrdinal(a, b) >= 0 ? a : b;
}
