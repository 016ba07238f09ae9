using Accreditation.Contracts.Common.V1;
using Accreditation.Contracts.Observation.V1;
using Accreditation.TestSupport;
using Grpc.Core;

namespace Accreditation.Observation.Tests.Api;

/// <summary>Configured: every result sampled for second marking, one simulation, and at most two attempts.</summary>
[Collection(RedisGroup.Name)]
public sealed class SampledSecondMarkingTests(RedisFixture redis) : ObservationApiTestBase(redis)
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Observation:Moderation:SampleShare"] = "1",
        ["Observation:Components:Simulations"] = "1",
        ["Observation:Resits:CoolOff"] = "00:00:00",
        ["Observation:Resits:MaxAttempts"] = "2",
    };

    [Fact]
    public async Task SubmitScores_ClearPassEverythingSampled_SecondMarkedAsSampled()
    {
        var session = await ScheduledSessionAsync();

        var marked = await MarkAsync(ManchesterAssessor, session.SessionId, 4);

        Assert.Equal((SessionState.AwaitingSecondMarking, SecondMarkingReason.Sampled), (marked.State, marked.SecondMarkingReason));
        Assert.Equal(["simulation-1", "reflective", "written"], session.Components.Select(c => c.ComponentId));
    }

    [Fact]
    public async Task ScheduleSession_AttemptLimitReached_FailedPreconditionNamingTheLimit()
    {
        var session = await ScheduledSessionAsync();
        for (var attempt = 1; attempt <= 2; attempt++)
        {
            await MarkAsync(ManchesterAssessor, session.SessionId, 1);
            var second = (await Moderation.GetModerationCaseAsync(new GetModerationCaseRequest { SessionId = session.SessionId })).Session.SecondAssessorId;
            await MarkAsync(second, session.SessionId, 1);
            if (attempt == 1)
            {
                session = (await Scheduling.ScheduleSessionAsync(Schedule(session.EnrolmentId))).Session;
            }
        }

        var e = await FailsWith(StatusCode.FailedPrecondition, () => Scheduling.ScheduleSessionAsync(Schedule(session.EnrolmentId)).ResponseAsync);

        Assert.Contains("limit of 2 attempts", e.Status.Detail, StringComparison.Ordinal);
        Assert.Equal([1, 2], (await CompletionsAsync(2)).Select(c => c.AttemptNumber));
        Assert.All(await CompletionsAsync(2), c => Assert.Equal(AssessmentOutcome.Failed, c.Outcome));
    }
}
