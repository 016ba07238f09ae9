using Accreditation.BuildingBlocks.Errors;
using Accreditation.Contracts.Observation.V1;
using Accreditation.Observation.Domain;

namespace Accreditation.Observation.Tests.Domain;

public sealed class MarkingRulesTests
{
    private static readonly DateTimeOffset Now = Sessions.Now;
    private static readonly ObservationOptions Options = new() { Moderation = new ModerationOptions { SampleShare = 0 } };

    [Fact]
    public void StageOf_NotAssigned_PermissionDenied() =>
        Assert.Throws<PermissionDeniedException>(() => MarkingRules.StageOf(Sessions.Scheduled("first", "second"), "someone-else"));

    [Fact]
    public void Save_ChangedScore_AuditedWithBeforeAfterWhoAndWhy()
    {
        var drafted = MarkingRules.Save(Sessions.Scheduled(), MarkingStage.First, "first", Rubrics.Small, Rubrics.Contract(2, 3, 3), "", Now).Session;
        var change = new CriterionScore { ComponentId = "sim", CriterionId = "C1", Score = 3, Evidence = "seen again" };

        var saved = MarkingRules.Save(drafted, MarkingStage.First, "first", Rubrics.Small, [change], "watched the recording", Now.AddHours(1));

        var entry = Assert.Single(saved.Audit);
        Assert.Equal((2, "seen", 3, "seen again"), (entry.ScoreBefore, entry.EvidenceBefore, entry.ScoreAfter, entry.EvidenceAfter));
        Assert.Equal(("first", "watched the recording", Now.AddHours(1)), (entry.ChangedBy, entry.Reason, entry.ChangedAt));
        Assert.Equal(3, saved.Session.MarkingOf(MarkingStage.First)!.Scores.Count);
    }

    [Fact]
    public void Save_SameScoresAgain_NoAuditEntries()
    {
        var drafted = MarkingRules.Save(Sessions.Scheduled(), MarkingStage.First, "first", Rubrics.Small, Rubrics.Contract(2, 3, 3), "", Now).Session;

        var again = MarkingRules.Save(drafted, MarkingStage.First, "first", Rubrics.Small, Rubrics.Contract(2, 3, 3), "", Now);

        Assert.Empty(again.Audit);
        Assert.Same(drafted, again.Session);
    }

    [Fact]
    public void Save_MalformedScores_EveryProblemNamed()
    {
        var scores = new[]
        {
            new CriterionScore { ComponentId = "sim", CriterionId = "C1", Score = 5, Evidence = "x" },
            new CriterionScore { ComponentId = "nope", CriterionId = "C1", Score = 2, Evidence = "x" },
            new CriterionScore { ComponentId = "sim", CriterionId = "C9", Score = 2, Evidence = "x" },
            new CriterionScore { ComponentId = "sim", CriterionId = "C2", Score = 2, Evidence = " " },
        };

        var e = Assert.Throws<ValidationException>(() => MarkingRules.Save(Sessions.Scheduled(), MarkingStage.First, "first", Rubrics.Small, scores, "", Now));

        Assert.Equal(["scores[0].score", "scores[1].component_id", "scores[2].criterion_id", "scores[3].evidence"], e.Violations.Select(v => v.Field));
    }

    [Fact]
    public void Save_BeforeTheSlot_FailedPrecondition() =>
        Assert.Throws<DomainRuleException>(() => MarkingRules.Save(Sessions.Scheduled(), MarkingStage.First, "first", Rubrics.Small, Rubrics.Contract(3, 3, 3), "", Now.AddMinutes(-1)));

    [Fact]
    public void Submit_CriteriaUnscored_FailedPreconditionNamingThem()
    {
        var e = Assert.Throws<DomainRuleException>(() => MarkingRules.Submit(Sessions.Scheduled(), MarkingStage.First, "first", Rubrics.Small, Rubrics.Contract(3, 3, 3).Take(1).ToList(), "", Now));

        Assert.Contains("sim/C2, written/C1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Save_AfterSubmit_FailedPreconditionLocked()
    {
        var submitted = MarkingRules.Submit(Sessions.Scheduled(), MarkingStage.First, "first", Rubrics.Small, Rubrics.Contract(3, 3, 3), "", Now).Session;

        var e = Assert.Throws<DomainRuleException>(() => MarkingRules.Save(submitted, MarkingStage.First, "first", Rubrics.Small, Rubrics.Contract(4, 4, 4), "", Now));

        Assert.Contains("locked", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Route_ClearPassAfterFirstMarking_FinalOnFirstMarking()
    {
        var submitted = MarkingRules.Submit(Sessions.Scheduled(), MarkingStage.First, "first", Rubrics.Small, Rubrics.Contract(4, 4, 4), "", Now).Session;

        var (session, final) = MarkingRules.Route(submitted, Rubrics.Small, Options, Rubrics.Kss, Now);

        Assert.Equal(SessionState.Scheduled, session.State);
        Assert.NotNull(final);
        Assert.True(final.Passed);
        Assert.Equal(MarkingStage.First, final.DecidedBy);
    }

    [Fact]
    public void Route_FailAfterFirstMarking_AwaitsSecondMarking()
    {
        var submitted = MarkingRules.Submit(Sessions.Scheduled(), MarkingStage.First, "first", Rubrics.Small, Rubrics.Contract(1, 3, 3), "", Now).Session;

        var (session, final) = MarkingRules.Route(submitted, Rubrics.Small, Options, Rubrics.Kss, Now);

        Assert.Null(final);
        Assert.Equal((SessionState.AwaitingSecondMarking, SecondMarkingReason.Failing), (session.State, session.SecondMarkingReason));
    }

    [Fact]
    public void Route_SecondMarkingAgrees_FinalOnFirstMarking()
    {
        var session = SecondMarked(first: (1, 3, 3), second: (1, 2, 3));

        var (_, final) = MarkingRules.Route(session, Rubrics.Small, Options, Rubrics.Kss, Now);

        Assert.NotNull(final);
        Assert.False(final.Passed);
        Assert.Equal(MarkingStage.Second, final.DecidedBy);
    }

    [Fact]
    public void Route_SecondMarkingDisagrees_AwaitsModeration()
    {
        var session = SecondMarked(first: (1, 3, 3), second: (3, 3, 3));

        var (routed, final) = MarkingRules.Route(session, Rubrics.Small, Options, Rubrics.Kss, Now);

        Assert.Null(final);
        Assert.Equal(SessionState.AwaitingModeration, routed.State);
    }

    [Fact]
    public void Route_ModerationSubmitted_FinalOnModeration()
    {
        var session = SecondMarked(first: (1, 3, 3), second: (3, 3, 3)) with { State = SessionState.AwaitingModeration };
        var moderated = MarkingRules.Submit(session, MarkingStage.Moderation, "moderator", Rubrics.Small, Rubrics.Contract(2, 3, 3), "", Now, "watched the film").Session;

        var (_, final) = MarkingRules.Route(moderated, Rubrics.Small, Options, Rubrics.Kss, Now);

        Assert.NotNull(final);
        Assert.True(final.Passed);
        Assert.Equal(MarkingStage.Moderation, final.DecidedBy);
        Assert.Equal("watched the film", moderated.MarkingOf(MarkingStage.Moderation)!.Rationale);
    }

    private static SessionRecord SecondMarked((int, int, int) first, (int, int, int) second)
    {
        var firstMarked = MarkingRules.Submit(Sessions.Scheduled("first", "second"), MarkingStage.First, "first", Rubrics.Small, Rubrics.Contract(first.Item1, first.Item2, first.Item3), "", Now).Session
            with { State = SessionState.AwaitingSecondMarking };
        return MarkingRules.Submit(firstMarked, MarkingStage.Second, "second", Rubrics.Small, Rubrics.Contract(second.Item1, second.Item2, second.Item3), "", Now).Session;
    }
}
