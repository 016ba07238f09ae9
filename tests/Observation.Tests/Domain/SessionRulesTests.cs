using Accreditation.AssessmentRules.Resits;
using Accreditation.BuildingBlocks.Errors;
using Accreditation.Contracts.Observation.V1;
using Accreditation.Observation.Domain;

namespace Accreditation.Observation.Tests.Domain;

public sealed class SessionRulesTests
{
    private static readonly ResitPolicy Resits = new() { CoolOff = TimeSpan.FromDays(28) };
    private static readonly DateTimeOffset Now = Sessions.Now;

    [Fact]
    public void EnsureMaySchedule_NotEndorsed_FailedPrecondition() =>
        Assert.Throws<DomainRuleException>(() => SessionRules.EnsureMaySchedule(Sessions.Candidate(endorsed: false), [], "e1", Resits, Now));

    [Fact]
    public void EnsureMaySchedule_Withdrawn_FailedPrecondition() =>
        Assert.Throws<DomainRuleException>(() => SessionRules.EnsureMaySchedule(Sessions.Candidate(withdrawn: true), [], "e1", Resits, Now));

    [Fact]
    public void EnsureMaySchedule_OpenSession_AlreadyExistsNamingIt()
    {
        var e = Assert.Throws<AlreadyExistsException>(() => SessionRules.EnsureMaySchedule(Sessions.Candidate(openSession: "s0"), [], "e1", Resits, Now));

        Assert.Equal("s0", e.ExistingId);
    }

    [Fact]
    public void EnsureMaySchedule_FailedWithinCoolOff_FailedPreconditionNamingTheDate()
    {
        var history = new[] { new AttemptRecord("s0", 1, false, Now.AddDays(-10)) };

        var e = Assert.Throws<DomainRuleException>(() => SessionRules.EnsureMaySchedule(Sessions.Candidate(), history, "e1", Resits, Now));

        Assert.Contains("2026-12-11T09:00:00Z", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Schedule_FailedAfterCoolOff_SecondAttempt()
    {
        var history = new[] { new AttemptRecord("s0", 1, false, Now.AddDays(-28)) };

        var (session, candidate) = SessionRules.Schedule(Sessions.Candidate(), history, "e1", "s1", Now, "Centre", [], "a1", "centre", Resits, Now);

        Assert.Equal(2, session.AttemptNumber);
        Assert.Equal("s1", candidate.OpenSessionId);
    }

    [Fact]
    public void EnsureMaySchedule_AttemptLimitReached_FailedPreconditionNamingTheLimit()
    {
        var history = new[] { new AttemptRecord("s0", 1, false, Now.AddDays(-100)), new AttemptRecord("s1", 2, false, Now.AddDays(-50)) };

        var e = Assert.Throws<DomainRuleException>(() => SessionRules.EnsureMaySchedule(Sessions.Candidate(), history, "e1", new ResitPolicy { MaxAttempts = 2 }, Now));

        Assert.Contains("limit of 2 attempts", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EnsureMaySchedule_AlreadyPassed_FailedPrecondition() =>
        Assert.Throws<DomainRuleException>(() => SessionRules.EnsureMaySchedule(Sessions.Candidate(), [new AttemptRecord("s0", 1, true, Now.AddDays(-100))], "e1", Resits, Now));

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Schedule_FilmingConsent_FilmedOnlyWithConsent(bool consent)
    {
        var (session, _) = SessionRules.Schedule(Sessions.Candidate(filming: consent), [], "e1", "s1", Now, "Centre", [], "a1", "centre", Resits, Now);

        Assert.Equal(consent, session.Filmed);
        Assert.Equal(SessionState.Scheduled, session.State);
    }

    [Fact]
    public void Cancel_AwaitingSecondMarking_FailedPrecondition() =>
        Assert.Throws<DomainRuleException>(() => SessionRules.Cancel(Sessions.Scheduled() with { State = SessionState.AwaitingSecondMarking }, Sessions.Candidate(openSession: "s1"), "x"));

    [Fact]
    public void Cancel_Scheduled_CancelledAndReleased()
    {
        var (session, candidate) = SessionRules.Cancel(Sessions.Scheduled(), Sessions.Candidate(openSession: "s1"), "why");

        Assert.Equal(SessionState.Cancelled, session.State);
        Assert.Null(candidate.OpenSessionId);
    }

    [Fact]
    public void Complete_Twice_AttemptRecordedOnce()
    {
        var result = new SessionResult(false, Now, MarkingStage.First, Rubrics.Evaluate(1, 1, 1), 2, 2.5);

        var (_, _, history) = SessionRules.Complete(Sessions.Scheduled(), Sessions.Candidate(openSession: "s1"), [], result);
        var (_, _, again) = SessionRules.Complete(Sessions.Scheduled(), Sessions.Candidate(openSession: "s1"), history, result);

        Assert.Single(again);
        Assert.False(again[0].Passed);
    }
}
