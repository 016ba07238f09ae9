using Accreditation.RegulatorReporting.Domain;
using Accreditation.RegulatorReporting.Infrastructure;
using static Accreditation.RegulatorReporting.Tests.Domain.Facts;

namespace Accreditation.RegulatorReporting.Tests.Domain;

/// <summary>
/// The projection does not depend on delivery: for many generated event histories (seeded, so
/// reproducible), every shuffled order with duplicates gives exactly the in-order state, the same
/// decision and, with Enrolment's answer to the award delivered (maybe twice) some time after the
/// award, the same register entry; the register never shows an award Enrolment has not accepted;
/// and the award, sticky once made, is announced at most once and always when the facts decide
/// accreditation.
/// </summary>
public sealed class ProjectionPropertyTests
{
    private const int Histories = 400;
    private const int OrdersPerHistory = 8;

    public static TheoryData<int> Seeds()
    {
        var data = new TheoryData<int>();
        for (var batch = 0; batch < 4; batch++)
        {
            data.Add(batch);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Apply_ShuffledAndDuplicated_SameAsInOrder(int batch)
    {
        for (var seed = batch * Histories; seed < (batch + 1) * Histories; seed++)
        {
            var random = new Random(seed);
            var history = Generate(random, "e" + seed);
            var inOrder = Fold(history);
            var expected = RecordJson.Write(inOrder);

            // In order, an award is decided only when the facts (the withdrawal included) allow it, so Enrolment accepts it.
            var expectedEntry = RegisterRecord.With(null, inOrder, inOrder.AccreditedAt, Day0).View;
            var withdrawnAt = history.Where(f => f.Kind == ProgressFactKind.Withdrawn).Select(f => (DateTimeOffset?)f.OccurredAt).Min();
            for (var order = 0; order < OrdersPerHistory; order++)
            {
                var delivered = ShuffleWithDuplicates(history, random).Select(f => (Fact: (ProgressFact?)f, Accepted: (bool?)null)).ToList();
                CandidateProgress? state = null;
                var awards = 0;
                DateTimeOffset? awardedAt = null;
                var status = AwardStatus.Pending;
                for (var i = 0; i < delivered.Count; i++)
                {
                    if (delivered[i].Fact is { } fact)
                    {
                        state = CandidateProjection.Apply(state, fact);
                        if (state.AccreditedAt is { } at && awardedAt is null)
                        {
                            awardedAt = at;
                            awards++;

                            // Enrolment, which knows every withdrawal, answers the award some time later (maybe twice).
                            var accepted = !(withdrawnAt < at);
                            delivered.Insert(random.Next(i + 1, delivered.Count + 1), (null, accepted));
                            if (random.Next(3) == 0)
                            {
                                delivered.Insert(random.Next(i + 1, delivered.Count + 1), (null, accepted));
                            }
                        }
                    }
                    else if (status == AwardStatus.Pending)
                    {
                        status = delivered[i].Accepted == true ? AwardStatus.Accepted : AwardStatus.Declined;
                    }

                    var shown = RegisterRecord.With(null, state!, status == AwardStatus.Accepted ? awardedAt : null, Day0).View;
                    Assert.True(!shown.Accredited || status == AwardStatus.Accepted, $"seed {seed}, order {order}: an unconfirmed award is shown accredited");
                }

                Assert.True(expected == RecordJson.Write(state), $"seed {seed}, order {order}: the shuffled state differs from the in-order state");
                Assert.Equal(inOrder.AccreditedAt, state!.AccreditedAt);
                Assert.Equal(inOrder.AccreditedAt, PersonDecision.Decide([state])?.AccreditedAt);
                Assert.Equal(expectedEntry, RegisterRecord.With(null, state, status == AwardStatus.Accepted ? awardedAt : null, Day0).View);
                Assert.True(awards <= 1);
                Assert.True(inOrder.AccreditedAt is null || awards == 1, $"seed {seed}: accredited in order but no award announced");
                Assert.True(awards == 0 || status != AwardStatus.Pending, $"seed {seed}, order {order}: the award was never answered");
            }
        }
    }

    [Fact]
    public void Generate_ManyHistories_CoverEveryDecision()
    {
        var outcomes = Enumerable.Range(0, Histories).Select(seed => Fold(Generate(new Random(seed), "e")).Stage).ToHashSet();

        Assert.Superset(new HashSet<CandidateStage> { CandidateStage.Accredited, CandidateStage.Withdrawn, CandidateStage.Assessing, CandidateStage.Endorsed }, outcomes);
    }

    /// <summary>One enrolment's events in the order they happened: enrolled; maybe endorsed; moves; attempts (at most one pass per component); maybe a withdrawal at any point.</summary>
    private static List<ProgressFact> Generate(Random random, string enrolmentId)
    {
        var day = 0;
        long version = 1;
        List<ProgressFact> facts = [Enrolled(day, enrolmentId)];
        var withdrawAt = random.Next(4) == 0 ? random.Next(1, 120) : int.MaxValue;
        if (random.Next(6) > 0)
        {
            day += random.Next(1, 10);
            facts.Add(Endorsed(day, enrolmentId) with { EnrolmentVersion = ++version });
        }

        var authorities = new[] { Bury, Wigan, new AuthorityRecord("E08000003", "352", "Manchester") };
        foreach (var component in new[] { ProgressFactKind.KnowledgeTestCompleted, ProgressFactKind.SimulatedPracticeCompleted })
        {
            var attempts = random.Next(0, 4);
            for (var attempt = 1; attempt <= attempts; attempt++)
            {
                day += random.Next(0, 30);
                var passed = random.Next(3) > 0;
                facts.Add(Of(component, day, enrolmentId) with
                {
                    AttemptKey = $"{component}-{attempt}-{random.Next(1000)}",
                    AttemptNumber = attempt,
                    Passed = passed,
                    Authority = authorities[random.Next(authorities.Length)],
                });
                if (passed)
                {
                    break;
                }
            }

            if (random.Next(5) == 0)
            {
                day += random.Next(1, 10);
                facts.Add(Moved(day, ++version, authorities[random.Next(authorities.Length)], enrolmentId));
            }
        }

        if (withdrawAt != int.MaxValue)
        {
            facts.Add(Withdrawn(Math.Min(withdrawAt, day + 5), ++version, enrolmentId));
        }

        return [.. facts.OrderBy(f => f.OccurredAt)];
    }

    private static List<ProgressFact> ShuffleWithDuplicates(List<ProgressFact> history, Random random)
    {
        var delivered = new List<ProgressFact>(history);
        delivered.AddRange(history.Where(_ => random.Next(3) == 0));
        for (var i = delivered.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (delivered[i], delivered[j]) = (delivered[j], delivered[i]);
        }

        return delivered;
    }
}
