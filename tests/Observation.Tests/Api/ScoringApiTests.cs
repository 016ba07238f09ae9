using Accreditation.Contracts.Common.V1;
using Accreditation.Contracts.Observation.V1;
using Accreditation.BuildingBlocks.Outbox;
using Accreditation.Contracts;
using Accreditation.TestSupport;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;

namespace Accreditation.Observation.Tests.Api;

[Collection(RedisGroup.Name)]
public sealed class ScoringApiTests(RedisFixture redis) : ObservationApiTestBase(redis)
{
    [Fact]
    public async Task ListAssignedSessions_TwoAssessors_EachSeesOnlyTheirOwn()
    {
        var mine = await ScheduledSessionAsync(ManchesterAssessor);
        var theirs = await ScheduledSessionAsync(LeedsAssessor);

        var listed = (await Assessor(ManchesterAssessor).ListAssignedSessionsAsync(new ListAssignedSessionsRequest())).Sessions;

        Assert.Equal([mine.SessionId], listed.Select(s => s.SessionId));
        Assert.All(listed[0].Components, c => Assert.NotEmpty(c.Criteria));
        Assert.Contains(theirs.SessionId, (await Assessor(LeedsAssessor).ListAssignedSessionsAsync(new ListAssignedSessionsRequest())).Sessions.Select(s => s.SessionId));
    }

    [Fact]
    public async Task GetAssignedSession_AnotherAssessorsSession_PermissionDenied()
    {
        var session = await ScheduledSessionAsync(ManchesterAssessor);

        await FailsWith(StatusCode.PermissionDenied, () => Assessor(LeedsAssessor).GetAssignedSessionAsync(new GetAssignedSessionRequest { SessionId = session.SessionId }).ResponseAsync);
        await FailsWith(StatusCode.PermissionDenied, () => Assessor(LeedsAssessor).SaveScoresAsync(new SaveScoresRequest { SessionId = session.SessionId }).ResponseAsync);
        await FailsWith(StatusCode.PermissionDenied, () => Assessor(LeedsAssessor).SubmitScoresAsync(new SubmitScoresRequest { SessionId = session.SessionId }).ResponseAsync);
    }

    [Fact]
    public async Task GetAssignedSession_Unknown_NotFound() =>
        await FailsWith(StatusCode.NotFound, () => Assessor(ManchesterAssessor).GetAssignedSessionAsync(new GetAssignedSessionRequest { SessionId = "no-such-session" }).ResponseAsync);

    [Fact]
    public async Task SaveScores_Drafts_SavedAndEditableUntilSubmitted()
    {
        var session = await ScheduledSessionAsync();
        var assessor = Assessor(ManchesterAssessor);
        var view = (await assessor.GetAssignedSessionAsync(new GetAssignedSessionRequest { SessionId = session.SessionId })).Session;
        var scores = AllScores(view, 3);

        await assessor.SaveScoresAsync(new SaveScoresRequest { SessionId = session.SessionId, Scores = { scores.Take(2) } });
        var saved = (await assessor.SaveScoresAsync(new SaveScoresRequest { SessionId = session.SessionId, Scores = { scores.Skip(2) } })).Session;

        var marking = Assert.Single(saved.Markings);
        Assert.Equal((MarkingStage.First, MarkingState.Draft, scores.Count), (marking.Stage, marking.State, marking.Scores.Count));
        Assert.Equal(SessionState.Scheduled, saved.State);
    }

    [Fact]
    public async Task SubmitScores_ClearPass_CompletedPassedWithFeedbackAndOneEvent()
    {
        var session = await ScheduledSessionAsync();
        Clock.Advance(TimeSpan.FromHours(3));

        var submitted = await MarkAsync(ManchesterAssessor, session.SessionId, 4);
        var outcome = await Scheduling.GetSessionOutcomeAsync(new GetSessionOutcomeRequest { SessionId = session.SessionId });

        Assert.Equal(SessionState.Completed, submitted.State);
        Assert.Equal((AssessmentOutcome.Passed, MarkingStage.First, 1), (outcome.Outcome.Outcome, outcome.Outcome.DecidedBy, outcome.AttemptNumber));
        Assert.Equal(4, outcome.Outcome.Components.Count);
        var statements = outcome.Outcome.Feedback.Select(f => f.KssStatement).ToList();
        Assert.Equal(statements.Order(), statements);
        Assert.Subset(Enumerable.Range(1, 10).ToHashSet(), statements.ToHashSet());
        Assert.Superset(new HashSet<int> { 6, 7, 8, 9, 10 }, statements.ToHashSet());
        Assert.All(outcome.Outcome.Feedback, f => Assert.True(f.Met));
        var evt = Assert.Single(await CompletionsAsync(1));
        Assert.Equal((session.EnrolmentId, session.SessionId, AssessmentOutcome.Passed, 1), (evt.EnrolmentId, evt.SessionId, evt.Outcome, evt.AttemptNumber));
        Assert.Equal(Clock.GetUtcNow(), evt.OccurredAt.ToDateTimeOffset());
        Assert.Equal((Authorities.Bury, RegistrationNumberOf(session.EnrolmentId), Role.ChildAndFamilyPractitioner), (evt.Authority.GssCode, evt.RegistrationNumber, evt.Role));
    }

    [Fact]
    public async Task SubmitScores_Twice_SameSessionOneEvent()
    {
        var session = await ScheduledSessionAsync();
        var first = await MarkAsync(ManchesterAssessor, session.SessionId, 4);

        var second = (await Assessor(ManchesterAssessor).SubmitScoresAsync(new SubmitScoresRequest { SessionId = session.SessionId })).Session;

        Assert.Equal(first, second);
        await Eventually.WaitForAsync(() => Host.Services.GetRequiredService<OutboxStore>().CountPendingAsync(), n => n == 0, "outbox drained");
        Assert.Single(Host.Transport.PublishedTo(Topics.SimulatedPracticeCompleted));
    }

    [Fact]
    public async Task SaveScores_AfterSubmit_FailedPreconditionLocked()
    {
        var session = await ScheduledSessionAsync();
        await MarkAsync(ManchesterAssessor, session.SessionId, 1);
        var view = (await Assessor(ManchesterAssessor).GetAssignedSessionAsync(new GetAssignedSessionRequest { SessionId = session.SessionId })).Session;

        var e = await FailsWith(StatusCode.FailedPrecondition, () => Assessor(ManchesterAssessor).SaveScoresAsync(new SaveScoresRequest { SessionId = session.SessionId, Scores = { AllScores(view, 4).Take(1) } }).ResponseAsync);

        Assert.Contains("locked", e.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SubmitScores_ChangedScoresAfterSubmit_FailedPreconditionLocked()
    {
        var session = await ScheduledSessionAsync();
        await MarkAsync(ManchesterAssessor, session.SessionId, 4);
        var view = (await Assessor(ManchesterAssessor).GetAssignedSessionAsync(new GetAssignedSessionRequest { SessionId = session.SessionId })).Session;

        await FailsWith(StatusCode.FailedPrecondition, () => Assessor(ManchesterAssessor).SubmitScoresAsync(new SubmitScoresRequest { SessionId = session.SessionId, Scores = { AllScores(view, 3) } }).ResponseAsync);
    }

    [Fact]
    public async Task SubmitScores_CriteriaUnscored_FailedPreconditionNamingThem()
    {
        var session = await ScheduledSessionAsync();

        var e = await FailsWith(StatusCode.FailedPrecondition, () => Assessor(ManchesterAssessor).SubmitScoresAsync(new SubmitScoresRequest { SessionId = session.SessionId }).ResponseAsync);

        Assert.Contains("simulation-1/C1", e.Status.Detail, StringComparison.Ordinal);
    }

    public static TheoryData<string, Action<CriterionScore>> MalformedScores => new()
    {
        { "scores[0].score", s => s.Score = 5 },
        { "scores[0].score", s => s.Score = 0 },
        { "scores[0].evidence", s => s.Evidence = "" },
        { "scores[0].component_id", s => s.ComponentId = "simulation-9" },
        { "scores[0].criterion_id", s => s.CriterionId = "C99" },
    };

    [Theory]
    [MemberData(nameof(MalformedScores))]
    public async Task SaveScores_MalformedScore_InvalidArgumentNamingField(string field, Action<CriterionScore> breakIt)
    {
        ArgumentNullException.ThrowIfNull(breakIt);
        var session = await ScheduledSessionAsync();
        var view = (await Assessor(ManchesterAssessor).GetAssignedSessionAsync(new GetAssignedSessionRequest { SessionId = session.SessionId })).Session;
        var score = AllScores(view, 3)[0];
        breakIt(score);

        var e = await FailsWith(StatusCode.InvalidArgument, () => Assessor(ManchesterAssessor).SaveScoresAsync(new SaveScoresRequest { SessionId = session.SessionId, Scores = { score } }).ResponseAsync);

        Assert.Equal(field, FieldOf(e));
    }

    [Fact]
    public async Task SaveScores_BeforeTheSlot_FailedPrecondition()
    {
        var enrolmentId = await EndorsedCandidateAsync();
        var request = Schedule(enrolmentId);
        request.SlotStart = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(Clock.GetUtcNow().AddDays(1));
        var session = (await Scheduling.ScheduleSessionAsync(request)).Session;
        var view = (await Assessor(ManchesterAssessor).GetAssignedSessionAsync(new GetAssignedSessionRequest { SessionId = session.SessionId })).Session;

        var e = await FailsWith(StatusCode.FailedPrecondition, () => Assessor(ManchesterAssessor).SaveScoresAsync(new SaveScoresRequest { SessionId = session.SessionId, Scores = { AllScores(view, 3) } }).ResponseAsync);

        Assert.Contains("starts at", e.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SaveScores_CandidateMovedToTheAssessorsAuthority_FailedPreconditionConflictOfInterest()
    {
        var session = await ScheduledSessionAsync(ManchesterAssessor);
        var manchester = new LocalAuthorityRef { GssCode = Authorities.Manchester, LaNumber = "352", Name = "Manchester" };
        await DeliverAsync(Topics.CandidateMoved, Moved(session.EnrolmentId, manchester));
        var view = (await Assessor(ManchesterAssessor).GetAssignedSessionAsync(new GetAssignedSessionRequest { SessionId = session.SessionId })).Session;

        var e = await FailsWith(StatusCode.FailedPrecondition, () => Assessor(ManchesterAssessor).SaveScoresAsync(new SaveScoresRequest { SessionId = session.SessionId, Scores = { AllScores(view, 3) } }).ResponseAsync);

        Assert.Contains("conflict of interest", e.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SubmitScores_Fail_ThenResitUnderTheResitRules()
    {
        var session = await ScheduledSessionAsync();
        await MarkAsync(ManchesterAssessor, session.SessionId, 1);
        var second = (await Moderation.GetModerationCaseAsync(new GetModerationCaseRequest { SessionId = session.SessionId })).Session.SecondAssessorId;
        await MarkAsync(second, session.SessionId, 1);
        Assert.Equal(AssessmentOutcome.Failed, Assert.Single(await CompletionsAsync(1)).Outcome);

        var early = await FailsWith(StatusCode.FailedPrecondition, () => Scheduling.ScheduleSessionAsync(Schedule(session.EnrolmentId)).ResponseAsync);
        Clock.Advance(TimeSpan.FromDays(7));
        var resit = (await Scheduling.ScheduleSessionAsync(Schedule(session.EnrolmentId))).Session;

        Assert.Contains("2026-11-30T09:00:00Z", early.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(2, resit.AttemptNumber);
        await MarkAsync(ManchesterAssessor, resit.SessionId, 4);
        var events = await CompletionsAsync(2);
        Assert.Equal((AssessmentOutcome.Passed, 2), (events[1].Outcome, events[1].AttemptNumber));
    }
}
