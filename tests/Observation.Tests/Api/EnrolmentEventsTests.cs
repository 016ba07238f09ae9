using Accreditation.BuildingBlocks.Inbox;
using Accreditation.Contracts;
using Accreditation.Contracts.Observation.V1;
using Accreditation.Observation.Application;
using Accreditation.TestSupport;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;

namespace Accreditation.Observation.Tests.Api;

[Collection(RedisGroup.Name)]
public sealed class EnrolmentEventsTests(RedisFixture redis) : ObservationApiTestBase(redis)
{
    [Fact]
    public async Task ScheduleSession_UnknownEnrolment_FailedPrecondition() =>
        await FailsWith(StatusCode.FailedPrecondition, () => Scheduling.ScheduleSessionAsync(Schedule(Guid.NewGuid().ToString())).ResponseAsync);

    [Fact]
    public async Task Deliver_EndorsedBeforeEnrolled_EligibleAnyway()
    {
        var enrolmentId = Guid.NewGuid().ToString();
        await DeliverAsync(Topics.CandidateEndorsed, Endorsed(enrolmentId));

        var session = (await Scheduling.ScheduleSessionAsync(Schedule(enrolmentId))).Session;

        Assert.Equal(SessionState.Scheduled, session.State);
        Assert.False(session.Filmed);
    }

    [Fact]
    public async Task Deliver_WithdrawnBeforeEndorsed_NotEligible()
    {
        var enrolmentId = await EndorsedCandidateAsync(endorse: false);
        await DeliverAsync(Topics.CandidateWithdrawn, Withdrawn(enrolmentId));
        await DeliverAsync(Topics.CandidateEndorsed, Endorsed(enrolmentId));

        var e = await FailsWith(StatusCode.FailedPrecondition, () => Scheduling.ScheduleSessionAsync(Schedule(enrolmentId)).ResponseAsync);

        Assert.Contains("withdrawn", e.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deliver_Withdrawal_CancelsScheduledSession()
    {
        var session = await ScheduledSessionAsync();

        var (http, body) = await DeliverAsync(Topics.CandidateWithdrawn, Withdrawn(session.EnrolmentId));

        Assert.Equal(200, http);
        Assert.Contains("SUCCESS", body, StringComparison.Ordinal);
        var cancelled = (await Scheduling.GetSessionAsync(new GetSessionRequest { SessionId = session.SessionId })).Session;
        Assert.Equal((SessionState.Cancelled, EnrolmentEventsConsumer.WithdrawalReason), (cancelled.State, cancelled.CancellationReason));
        Assert.DoesNotContain((await Assessor(ManchesterAssessor).ListAssignedSessionsAsync(new ListAssignedSessionsRequest())).Sessions, s => s.State != SessionState.Cancelled);
    }

    [Fact]
    public async Task Deliver_WithdrawalDuringSecondMarking_MarkingGoesOn()
    {
        var session = await ScheduledSessionAsync();
        await MarkAsync(ManchesterAssessor, session.SessionId, 1);

        await DeliverAsync(Topics.CandidateWithdrawn, Withdrawn(session.EnrolmentId));

        Assert.Equal(SessionState.AwaitingSecondMarking, (await Scheduling.GetSessionAsync(new GetSessionRequest { SessionId = session.SessionId })).Session.State);
    }

    [Fact]
    public async Task Deliver_Move_ConflictOfInterestCheckedAgainstTheNewAuthority()
    {
        var enrolmentId = await EndorsedCandidateAsync();
        await DeliverAsync(Topics.CandidateMoved, Moved(enrolmentId, Wigan));
        await RegisterAssessorAsync("assessor-wigan", Authorities.Wigan);

        await FailsWith(StatusCode.FailedPrecondition, () => Scheduling.ScheduleSessionAsync(Schedule(enrolmentId, "assessor-wigan")).ResponseAsync);
        var session = (await Scheduling.ScheduleSessionAsync(Schedule(enrolmentId, BuryAssessor))).Session;
        Assert.Equal(BuryAssessor, session.FirstAssessorId);
    }

    [Fact]
    public async Task Deliver_MoveCarriedBeforeEnrolled_NewestAuthorityWins()
    {
        var enrolmentId = Guid.NewGuid().ToString();
        await DeliverAsync(Topics.CandidateMoved, Moved(enrolmentId, Wigan));
        await DeliverAsync(Topics.CandidateEndorsed, Endorsed(enrolmentId));

        var session = (await Scheduling.ScheduleSessionAsync(Schedule(enrolmentId, BuryAssessor))).Session;

        Assert.Equal(SessionState.Scheduled, session.State);
    }

    [Fact]
    public async Task Deliver_SameEventTwice_RecordedOnceAndBothAcknowledged()
    {
        var enrolmentId = await EndorsedCandidateAsync(endorse: false);
        var endorsed = Endorsed(enrolmentId);
        var inbox = Host.Services.GetRequiredService<IdempotentConsumer>();

        var first = await DeliverAsync(Topics.CandidateEndorsed, endorsed);
        Assert.True(await inbox.WasProcessedAsync(EnrolmentEventsConsumer.ConsumerName, endorsed.EventId));
        var second = await DeliverAsync(Topics.CandidateEndorsed, endorsed);

        Assert.Equal((200, 200), (first.Http, second.Http));
        Assert.Equal(1, (await Scheduling.ScheduleSessionAsync(Schedule(enrolmentId))).Session.AttemptNumber);
    }

    [Fact]
    public async Task Deliver_MalformedPayload_DroppedToDeadLetter()
    {
        using var content = new StringContent("""{"specversion":"1.0","id":"x","source":"enrolment","type":"t","datacontenttype":"application/json","data":{"enrolmentVersion":"not a number"}}""", System.Text.Encoding.UTF8);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/cloudevents+json");

        using var response = await Host.Http.PostAsync(new Uri("/events/" + Topics.CandidateEnrolled, UriKind.Relative), content);

        Assert.Contains("DROP", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SubscribeHandler_Lists_ExactlyTheTopicRoutesOfObservationWithDeadLetterTopics()
    {
        var json = await Host.Http.GetStringAsync(new Uri("/dapr/subscribe", UriKind.Relative));

        Assert.Equal([Topics.CandidateEnrolled, Topics.CandidateEndorsed, Topics.CandidateWithdrawn, Topics.CandidateMoved], TopicRoutes.SubscribedBy(AppIds.Observation));
        foreach (var topic in TopicRoutes.SubscribedBy(AppIds.Observation))
        {
            Assert.Contains($"\"{topic}\"", json, StringComparison.Ordinal);
            Assert.Contains($"\"{Topics.DeadLetterFor(AppIds.Observation, topic)}\"", json, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Deliver_WithoutTheSidecarsAppToken_Refused()
    {
        using var impostor = Host.AppPortClient(null);

        using var response = await impostor.PostAsync(new Uri("/events/" + Topics.CandidateWithdrawn, UriKind.Relative), new StringContent("{}"));

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
