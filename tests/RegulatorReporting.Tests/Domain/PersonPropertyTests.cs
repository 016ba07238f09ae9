using Accreditation.RegulatorReporting.Domain;
using static Accreditation.RegulatorReporting.Tests.Domain.Facts;

namespace Accreditation.RegulatorReporting.Tests.Domain;

/// <summary>
/// The person-level decision with Enrolment's answers does not depend on delivery: for many
/// generated histories of a person with up to two enrolments (a pass under the first counts after
/// re-enrolment; a pass may be dated after the withdrawal of the enrolment it was taken under), any
/// shuffled order with duplicates, with Enrolment answering each award some time after it (maybe
/// twice; declined when the named enrolment was withdrawn before the date), ends with the register
/// entry of the in-order delivery; an unanswered award is never shown; at most one award stands.
/// </summary>
public sealed class PersonPropertyTests
{
    private const int Histories = 600;
    private const int OrdersPerHistory = 8;

    [Fact]
    public void Deliver_ShuffledAndDuplicatedWithAnswers_SameRegisterAsInOrder()
    {
        var accredited = 0;
        for (var seed = 0; seed < Histories; seed++)
        {
            var random = new Random(seed);
            var history = Generate(random, seed);
            var withdrawnAt = history.Where(f => f.Kind == ProgressFactKind.Withdrawn).GroupBy(f => f.EnrolmentId).ToDictionary(g => g.Key, g => g.Min(f => f.OccurredAt));
            var expected = Run(history, withdrawnAt, null);
            accredited += expected.Accredited ? 1 : 0;
            for (var order = 0; order < OrdersPerHistory; order++)
            {
                var delivered = new List<ProgressFact>(history);
                delivered.AddRange(history.Where(_ => random.Next(3) == 0));
                for (var i = delivered.Count - 1; i > 0; i--)
                {
                    var j = random.Next(i + 1);
                    (delivered[i], delivered[j]) = (delivered[j], delivered[i]);
                }

                Assert.True(expected == Run(delivered, withdrawnAt, random), $"seed {seed}, order {order}: the register differs from the in-order register");
            }
        }

        Assert.InRange(accredited, Histories / 10, Histories - 1);
    }

    /// <summary>Delivers the facts as Reporting's consumer handles them; Enrolment's answers come right after the award (no random) or at random later points.</summary>
    private static RegisterView Run(List<ProgressFact> facts, Dictionary<string, DateTimeOffset> withdrawnAt, Random? random)
    {
        var queue = facts.Select(f => (Fact: (ProgressFact?)f, Answer: (PersonAward?)null)).ToList();
        var states = new Dictionary<string, CandidateProgress>(StringComparer.Ordinal);
        var awards = new Dictionary<string, (DateTimeOffset At, AwardStatus Status)>(StringComparer.Ordinal);
        for (var i = 0; i < queue.Count; i++)
        {
            if (queue[i].Fact is { } fact)
            {
                states[fact.EnrolmentId] = CandidateProjection.Apply(states.GetValueOrDefault(fact.EnrolmentId), fact);
            }
            else if (queue[i].Answer is { } answered && awards[answered.EnrolmentId].Status == AwardStatus.Pending)
            {
                var declined = withdrawnAt.TryGetValue(answered.EnrolmentId, out var w) && w < answered.AccreditedAt;
                awards[answered.EnrolmentId] = (answered.AccreditedAt, declined ? AwardStatus.Declined : AwardStatus.Accepted);
            }

            if (PersonDecision.NextAward(states.Values, awards.ToDictionary(a => a.Key, a => a.Value.Status)) is { } award)
            {
                awards[award.EnrolmentId] = (award.AccreditedAt, AwardStatus.Pending);
                var copies = random is null ? 1 : 1 + random.Next(2);
                for (var c = 0; c < copies; c++)
                {
                    queue.Insert(random is null ? i + 1 : random.Next(i + 1, queue.Count + 1), (null, award));
                }
            }

            Assert.True(awards.Values.Count(a => a.Status != AwardStatus.Declined) <= 1, "two awards of one person stand");
            Assert.False(Register(states, awards).Accredited && !awards.Values.Any(a => a.Status == AwardStatus.Accepted), "an unanswered award is shown");
        }

        Assert.DoesNotContain(awards.Values, a => a.Status == AwardStatus.Pending);
        return Register(states, awards);
    }

    private static RegisterView Register(Dictionary<string, CandidateProgress> states, Dictionary<string, (DateTimeOffset At, AwardStatus Status)> awards)
    {
        RegisterRecord? record = null;
        foreach (var (id, state) in states.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            var confirmed = awards.TryGetValue(id, out var a) && a.Status == AwardStatus.Accepted ? a.At : (DateTimeOffset?)null;
            record = RegisterRecord.With(record, state, confirmed, Day0);
        }

        return record!.View;
    }

    /// <summary>A person's facts: a first enrolment, maybe withdrawn and followed by a second; each component passed at most once across both.</summary>
    private static List<ProgressFact> Generate(Random random, int seed)
    {
        string[] ids = [$"a{seed}", $"b{seed}"];
        var authorities = new[] { Bury, Wigan };
        var facts = new List<ProgressFact>();
        var day = 0;
        var passed = new HashSet<ProgressFactKind>();
        for (var e = 0; e < 2; e++)
        {
            var id = ids[e];
            var authority = authorities[e];
            facts.Add(Enrolled(day, id) with { Authority = authority });
            if (random.Next(6) > 0)
            {
                day += random.Next(1, 5);
                facts.Add(Endorsed(day, id) with { Authority = authority });
            }

            var withdrawAt = random.Next(3) == 0 || e == 0 ? day + random.Next(1, 60) : int.MaxValue;
            foreach (var component in new[] { ProgressFactKind.KnowledgeTestCompleted, ProgressFactKind.SimulatedPracticeCompleted })
            {
                for (var attempt = 1; attempt <= random.Next(0, 3) && !passed.Contains(component); attempt++)
                {
                    day += random.Next(1, 20);
                    if (day > withdrawAt && random.Next(4) > 0)
                    {
                        break;
                    }

                    var pass = random.Next(3) > 0;
                    facts.Add(Of(component, day, id, authority: authority) with { AttemptKey = $"{id}-{component}-{attempt}", AttemptNumber = attempt, Passed = pass });
                    if (pass)
                    {
                        passed.Add(component);
                    }
                }
            }

            if (withdrawAt == int.MaxValue || (e == 0 && random.Next(4) == 0))
            {
                break;
            }

            facts.Add(Withdrawn(withdrawAt, 3, id) with { Authority = authority });
            day = Math.Max(day, withdrawAt) + random.Next(1, 5);
        }

        return [.. facts.OrderBy(f => f.OccurredAt)];
    }
}
