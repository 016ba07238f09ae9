using Accreditation.BuildingBlocks.Auth;
using Accreditation.Contracts.Observation.V1;
using Accreditation.Observation.Api;
using Accreditation.TestSupport;
using Grpc.Core;

namespace Accreditation.Observation.Tests.Api;

[Collection(RedisGroup.Name)]
public sealed class ScoreAuditApiTests(RedisFixture redis) : ObservationApiTestBase(redis)
{
    [Fact]
    public async Task ListScoreAudit_EveryChange_WhoWhenBeforeAfterWhy()
    {
        var session = await ScheduledSessionAsync();
        var assessor = Assessor(ManchesterAssessor);
        var view = (await assessor.GetAssignedSessionAsync(new GetAssignedSessionRequest { SessionId = session.SessionId })).Session;
        var first = AllScores(view, 2)[0];
        await assessor.SaveScoresAsync(new SaveScoresRequest { SessionId = session.SessionId, Scores = { first } });
        Clock.Advance(TimeSpan.FromMinutes(30));
        var changed = first.Clone();
        changed.Score = 3;
        changed.Evidence = "Reconsidered after the debrief";
        await assessor.SaveScoresAsync(new SaveScoresRequest { SessionId = session.SessionId, Scores = { changed }, Reason = "debrief" });
        await assessor.SaveScoresAsync(new SaveScoresRequest { SessionId = session.SessionId, Scores = { changed } });

        var entries = (await Audit.ListScoreAuditAsync(new ListScoreAuditRequest { SessionId = session.SessionId })).Entries;

        Assert.Equal(2, entries.Count);
        Assert.Equal((0, 2, "draft saved"), (entries[0].ScoreBefore, entries[0].ScoreAfter, entries[0].Reason));
        var entry = entries[1];
        Assert.Equal((first.ComponentId, first.CriterionId, MarkingStage.First, ManchesterAssessor), (entry.ComponentId, entry.CriterionId, entry.Stage, entry.ChangedBy));
        Assert.Equal((2, first.Evidence, 3, "Reconsidered after the debrief", "debrief"), (entry.ScoreBefore, entry.EvidenceBefore, entry.ScoreAfter, entry.EvidenceAfter, entry.Reason));
        Assert.Equal(Clock.GetUtcNow(), entry.ChangedAt.ToDateTimeOffset());
    }

    [Fact]
    public async Task ListScoreAudit_ModeratedSession_EveryStageAudited()
    {
        var session = await ScheduledSessionAsync();
        await MarkAsync(ManchesterAssessor, session.SessionId, 1);
        var moderationCase = (await Moderation.GetModerationCaseAsync(new GetModerationCaseRequest { SessionId = session.SessionId })).Session;
        await MarkAsync(moderationCase.SecondAssessorId, session.SessionId, 3);
        await Moderation.DecideModerationAsync(new DecideModerationRequest { SessionId = session.SessionId, Scores = { AllScores(moderationCase, 2) }, Rationale = "Borderline throughout" });

        var entries = (await Audit.ListScoreAuditAsync(new ListScoreAuditRequest { SessionId = session.SessionId })).Entries;

        var perStage = AllScores(moderationCase, 1).Count;
        Assert.Equal([MarkingStage.First, MarkingStage.Second, MarkingStage.Moderation], entries.Select(e => e.Stage).Distinct());
        Assert.Equal(3 * perStage, entries.Count);
        Assert.All(entries.Where(e => e.Stage == MarkingStage.Moderation), e => Assert.Equal((Moderator, "moderation decision: Borderline throughout"), (e.ChangedBy, e.Reason)));
    }

    [Fact]
    public async Task ListScoreAudit_UnknownSession_NotFound() =>
        await FailsWith(StatusCode.NotFound, () => Audit.ListScoreAuditAsync(new ListScoreAuditRequest { SessionId = "nope" }).ResponseAsync);

    [Theory]
    [InlineData(Scopes.ObservationAssessor)]
    [InlineData(Scopes.ObservationModerator)]
    [InlineData(Scopes.ObservationScheduling)]
    public async Task ListScoreAudit_OtherScope_PermissionDenied(string scope) =>
        await FailsWith(StatusCode.PermissionDenied, () => new ScoreAuditService.ScoreAuditServiceClient(Invoker("someone", scope)).ListScoreAuditAsync(new ListScoreAuditRequest { SessionId = "x" }).ResponseAsync);
}
