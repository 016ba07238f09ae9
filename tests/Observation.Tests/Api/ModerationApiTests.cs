using Accreditation.BuildingBlocks.Auth;
using Accreditation.Contracts.Common.V1;
using Accreditation.Contracts.Observation.V1;
using Accreditation.TestSupport;
using Grpc.Core;

namespace Accreditation.Observation.Tests.Api;

[Collection(RedisGroup.Name)]
public sealed class ModerationApiTests(RedisFixture redis) : ObservationApiTestBase(redis)
{
    [Fact]
    public async Task SubmitScores_Failing_SecondAssessorAssignedNeverTheFirstNorConflicted()
    {
        var session = await ScheduledSessionAsync(ManchesterAssessor);

        var marked = await MarkAsync(ManchesterAssessor, session.SessionId, 1);
        var moderation = (await Moderation.GetModerationCaseAsync(new GetModerationCaseRequest { SessionId = session.SessionId })).Session;

        Assert.Equal((SessionState.AwaitingSecondMarking, SecondMarkingReason.Failing), (marked.State, marked.SecondMarkingReason));
        Assert.Contains(moderation.SecondAssessorId, new[] { LeedsAssessor, IndependentAssessor });
        Assert.Empty(Host.Transport.PublishedTo(Contracts.Topics.SimulatedPracticeCompleted));
    }

    [Fact]
    public async Task SubmitScores_Borderline_SecondMarkedAsBorderline()
    {
        var session = await ScheduledSessionAsync();
        var view = (await Assessor(ManchesterAssessor).GetAssignedSessionAsync(new GetAssignedSessionRequest { SessionId = session.SessionId })).Session;

        // Every component's mean between 2.5 and 2.7 with no criterion below 2: a pass within the 0.25 band.
        var scores = AllScores(view, (c, k) => c.Criteria.IndexOf(k) % 2 == 0 ? 2 : 3);
        foreach (var c in view.Components.Where(c => c.Criteria.Count % 2 == 1))
        {
            scores.Single(s => s.ComponentId == c.ComponentId && s.CriterionId == c.Criteria[0].CriterionId).Score = 3;
        }

        var marked = (await Assessor(ManchesterAssessor).SubmitScoresAsync(new SubmitScoresRequest { SessionId = session.SessionId, Scores = { scores } })).Session;

        Assert.Equal((SessionState.AwaitingSecondMarking, SecondMarkingReason.Borderline), (marked.State, marked.SecondMarkingReason));
    }

    [Fact]
    public async Task SecondMarking_SeesOnlyOwnMarkingAndAgrees_CompletedOnTheFirstOutcome()
    {
        var session = await ScheduledSessionAsync();
        await MarkAsync(ManchesterAssessor, session.SessionId, 1);
        var second = (await Moderation.GetModerationCaseAsync(new GetModerationCaseRequest { SessionId = session.SessionId })).Session.SecondAssessorId;

        var blind = (await Assessor(second).GetAssignedSessionAsync(new GetAssignedSessionRequest { SessionId = session.SessionId })).Session;
        var done = await MarkAsync(second, session.SessionId, 1);

        Assert.Empty(blind.Markings);
        Assert.Equal(SessionState.Completed, done.State);
        var outcome = await Scheduling.GetSessionOutcomeAsync(new GetSessionOutcomeRequest { SessionId = session.SessionId });
        Assert.Equal((AssessmentOutcome.Failed, MarkingStage.Second), (outcome.Outcome.Outcome, outcome.Outcome.DecidedBy));
        Assert.Equal(AssessmentOutcome.Failed, Assert.Single(await CompletionsAsync(1)).Outcome);
    }

    [Fact]
    public async Task SecondMarking_Disagrees_ModeratorDecidesAndTheDecisionIsFinal()
    {
        var session = await ScheduledSessionAsync();
        await MarkAsync(ManchesterAssessor, session.SessionId, 1);
        var second = (await Moderation.GetModerationCaseAsync(new GetModerationCaseRequest { SessionId = session.SessionId })).Session.SecondAssessorId;

        var disagreed = await MarkAsync(second, session.SessionId, 3);
        var queue = (await Moderation.ListModerationQueueAsync(new ListModerationQueueRequest())).Sessions;
        var moderationCase = (await Moderation.GetModerationCaseAsync(new GetModerationCaseRequest { SessionId = session.SessionId })).Session;
        Clock.Advance(TimeSpan.FromDays(2));
        var decided = (await Moderation.DecideModerationAsync(new DecideModerationRequest
        {
            SessionId = session.SessionId,
            Scores = { AllScores(moderationCase, 3) },
            Rationale = "The recording supports the second assessor",
        })).Session;
        var retried = (await Moderation.DecideModerationAsync(new DecideModerationRequest { SessionId = session.SessionId, Scores = { AllScores(moderationCase, 1) }, Rationale = "retry" })).Session;

        Assert.Equal(SessionState.AwaitingModeration, disagreed.State);
        Assert.Equal([session.SessionId], queue.Select(s => s.SessionId));
        Assert.Equal([MarkingStage.First, MarkingStage.Second], moderationCase.Markings.Select(m => m.Stage));
        Assert.Equal((SessionState.Completed, Moderator, AssessmentOutcome.Passed, MarkingStage.Moderation), (decided.State, decided.ModeratorId, decided.Outcome.Outcome, decided.Outcome.DecidedBy));
        Assert.Equal(decided, retried);
        Assert.Empty((await Moderation.ListModerationQueueAsync(new ListModerationQueueRequest())).Sessions);
        var evt = Assert.Single(await CompletionsAsync(1));
        Assert.Equal((AssessmentOutcome.Passed, Clock.GetUtcNow()), (evt.Outcome, evt.OccurredAt.ToDateTimeOffset()));
    }

    [Fact]
    public async Task DecideModeration_ByOneOfTheMarkers_FailedPrecondition()
    {
        var session = await DisagreedSessionAsync();
        var moderationCase = (await Moderation.GetModerationCaseAsync(new GetModerationCaseRequest { SessionId = session.SessionId })).Session;
        var markerAsModerator = new ModerationService.ModerationServiceClient(Invoker(ManchesterAssessor, Scopes.ObservationModerator));

        var e = await FailsWith(StatusCode.FailedPrecondition, () => markerAsModerator.DecideModerationAsync(new DecideModerationRequest { SessionId = session.SessionId, Scores = { AllScores(moderationCase, 3) }, Rationale = "mine" }).ResponseAsync);

        Assert.Contains("may not moderate", e.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DecideModeration_NotAwaitingModeration_FailedPrecondition()
    {
        var session = await ScheduledSessionAsync();

        await FailsWith(StatusCode.FailedPrecondition, () => Moderation.DecideModerationAsync(new DecideModerationRequest { SessionId = session.SessionId, Rationale = "why" }).ResponseAsync);
    }

    [Fact]
    public async Task DecideModeration_NoRationale_InvalidArgument() =>
        Assert.Equal("rationale", FieldOf(await FailsWith(StatusCode.InvalidArgument, () => Moderation.DecideModerationAsync(new DecideModerationRequest { SessionId = "s" }).ResponseAsync)));

    [Fact]
    public async Task DecideModeration_ScoresMissing_FailedPreconditionNothingDecided()
    {
        var session = await DisagreedSessionAsync();

        await FailsWith(StatusCode.FailedPrecondition, () => Moderation.DecideModerationAsync(new DecideModerationRequest { SessionId = session.SessionId, Rationale = "too quick" }).ResponseAsync);

        Assert.Equal(SessionState.AwaitingModeration, (await Moderation.GetModerationCaseAsync(new GetModerationCaseRequest { SessionId = session.SessionId })).Session.State);
    }

    [Fact]
    public async Task AssignSecondAssessor_TheFirstAssessor_FailedPreconditionDoubleMarking()
    {
        var session = await ScheduledSessionAsync();
        await MarkAsync(ManchesterAssessor, session.SessionId, 1);

        var e = await FailsWith(StatusCode.FailedPrecondition, () => Moderation.AssignSecondAssessorAsync(new AssignSecondAssessorRequest { SessionId = session.SessionId, AssessorId = ManchesterAssessor }).ResponseAsync);

        Assert.Equal("assessor_id", FieldOf(e));
        Assert.Contains("may not second-mark", e.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AssignSecondAssessor_ConflictOfInterest_FailedPrecondition()
    {
        var session = await ScheduledSessionAsync();
        await MarkAsync(ManchesterAssessor, session.SessionId, 1);

        var e = await FailsWith(StatusCode.FailedPrecondition, () => Moderation.AssignSecondAssessorAsync(new AssignSecondAssessorRequest { SessionId = session.SessionId, AssessorId = BuryAssessor }).ResponseAsync);

        Assert.Contains("conflict of interest", e.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AssignSecondAssessor_Replaced_NewAssessorMarksAndOldOneNoLonger()
    {
        var session = await ScheduledSessionAsync();
        await MarkAsync(ManchesterAssessor, session.SessionId, 1);
        var before = (await Moderation.GetModerationCaseAsync(new GetModerationCaseRequest { SessionId = session.SessionId })).Session.SecondAssessorId;
        var replacement = before == LeedsAssessor ? IndependentAssessor : LeedsAssessor;

        var assigned = (await Moderation.AssignSecondAssessorAsync(new AssignSecondAssessorRequest { SessionId = session.SessionId, AssessorId = replacement })).Session;
        var again = (await Moderation.AssignSecondAssessorAsync(new AssignSecondAssessorRequest { SessionId = session.SessionId, AssessorId = replacement })).Session;

        Assert.Equal(replacement, assigned.SecondAssessorId);
        Assert.Equal(assigned, again);
        await FailsWith(StatusCode.PermissionDenied, () => Assessor(before).GetAssignedSessionAsync(new GetAssignedSessionRequest { SessionId = session.SessionId }).ResponseAsync);
        Assert.Equal(SessionState.Completed, (await MarkAsync(replacement, session.SessionId, 1)).State);
    }

    [Fact]
    public async Task AssignSecondAssessor_NotAwaitingSecondMarking_FailedPrecondition()
    {
        var session = await ScheduledSessionAsync();

        await FailsWith(StatusCode.FailedPrecondition, () => Moderation.AssignSecondAssessorAsync(new AssignSecondAssessorRequest { SessionId = session.SessionId, AssessorId = LeedsAssessor }).ResponseAsync);
    }

    [Fact]
    public async Task AssignSecondAssessor_UnknownAssessor_NotFound()
    {
        var session = await ScheduledSessionAsync();
        await MarkAsync(ManchesterAssessor, session.SessionId, 1);

        await FailsWith(StatusCode.NotFound, () => Moderation.AssignSecondAssessorAsync(new AssignSecondAssessorRequest { SessionId = session.SessionId, AssessorId = "nobody" }).ResponseAsync);
    }

    [Fact]
    public async Task SubmitScores_FailingAndNoEligibleSecondAssessor_QueuedForAssignment()
    {
        await RegisterAssessorAsync(LeedsAssessor, Authorities.Leeds, a => a.Active = false);
        await RegisterAssessorAsync(IndependentAssessor, "", a => a.Active = false);
        var session = await ScheduledSessionAsync();

        var marked = await MarkAsync(ManchesterAssessor, session.SessionId, 1);
        var queue = (await Moderation.ListModerationQueueAsync(new ListModerationQueueRequest())).Sessions;

        Assert.Equal("", marked.SecondAssessorId);
        Assert.Equal([session.SessionId], queue.Select(s => s.SessionId));
    }

    private async Task<Session> DisagreedSessionAsync()
    {
        var session = await ScheduledSessionAsync();
        await MarkAsync(ManchesterAssessor, session.SessionId, 1);
        var second = (await Moderation.GetModerationCaseAsync(new GetModerationCaseRequest { SessionId = session.SessionId })).Session.SecondAssessorId;
        return await MarkAsync(second, session.SessionId, 3);
    }
}
