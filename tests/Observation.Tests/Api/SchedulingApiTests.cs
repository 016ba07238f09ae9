using Accreditation.BuildingBlocks.Auth;
using Accreditation.Contracts.Observation.V1;
using Accreditation.Observation.Api;
using Accreditation.Observation.Domain;
using Accreditation.TestSupport;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace Accreditation.Observation.Tests.Api;

[Collection(RedisGroup.Name)]
public sealed class SchedulingApiTests(RedisFixture redis) : ObservationApiTestBase(redis)
{
    [Fact]
    public async Task ScheduleSession_Default_TwoDistinctSimulationsPlusReflectiveAndWritten()
    {
        var enrolmentId = await EndorsedCandidateAsync();

        var session = (await Scheduling.ScheduleSessionAsync(Schedule(enrolmentId))).Session;

        Assert.Equal((SessionState.Scheduled, 1, true, ManchesterAssessor), (session.State, session.AttemptNumber, session.Filmed, session.FirstAssessorId));
        Assert.Equal(["simulation-1", "simulation-2", "reflective", "written"], session.Components.Select(c => c.ComponentId));
        Assert.NotEqual(session.Components[0].ScenarioId, session.Components[1].ScenarioId);
        Assert.All(session.Components.Take(2), c => Assert.StartsWith("actor-", c.ActorId, StringComparison.Ordinal));
        Assert.All(session.Components, c => Assert.Empty(c.Criteria));
        Assert.Empty(session.Markings);
    }

    [Fact]
    public async Task ScheduleSession_NoFilmingConsent_NotFilmedAndOtherwiseTheSame()
    {
        var enrolmentId = await EndorsedCandidateAsync(filmingConsent: false);

        var session = (await Scheduling.ScheduleSessionAsync(Schedule(enrolmentId))).Session;

        Assert.False(session.Filmed);
        Assert.Equal(4, session.Components.Count);
        Assert.Equal(SessionState.Scheduled, session.State);
    }

    [Fact]
    public async Task ScheduleSession_RetriedWithSameRequestId_SameSession()
    {
        var request = Schedule(await EndorsedCandidateAsync());

        var first = await Scheduling.ScheduleSessionAsync(request);
        var retry = await Scheduling.ScheduleSessionAsync(request);

        Assert.Equal(first.Session, retry.Session);
    }

    [Fact]
    public async Task ScheduleSession_SameRequestSentConcurrently_OneSession()
    {
        var request = Schedule(await EndorsedCandidateAsync());

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(async _ => (await Scheduling.ScheduleSessionAsync(request)).Session));

        Assert.Single(answers.Select(a => a.SessionId).Distinct());
    }

    [Fact]
    public async Task ScheduleSession_SameRequestIdDifferentRequest_InvalidArgument()
    {
        var request = Schedule(await EndorsedCandidateAsync());
        await Scheduling.ScheduleSessionAsync(request);
        request.Location = "Elsewhere";

        Assert.Equal("client_request_id", FieldOf(await FailsWith(StatusCode.InvalidArgument, () => Scheduling.ScheduleSessionAsync(request).ResponseAsync)));
    }

    [Fact]
    public async Task ScheduleSession_SameRequestIdFromAnotherCentre_NotTheFirstCentresAnswer()
    {
        var request = Schedule(await EndorsedCandidateAsync());
        await Scheduling.ScheduleSessionAsync(request);
        var other = new SchedulingService.SchedulingServiceClient(Invoker("centre-2", Scopes.ObservationScheduling));

        var e = await FailsWith(StatusCode.AlreadyExists, () => other.ScheduleSessionAsync(request).ResponseAsync);

        Assert.Contains("open session", e.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScheduleSession_SecondOpenSession_AlreadyExistsNamingTheFirst()
    {
        var enrolmentId = await EndorsedCandidateAsync();
        var first = (await Scheduling.ScheduleSessionAsync(Schedule(enrolmentId))).Session;

        var e = await FailsWith(StatusCode.AlreadyExists, () => Scheduling.ScheduleSessionAsync(Schedule(enrolmentId)).ResponseAsync);

        Assert.Equal(first.SessionId, e.Trailers.GetValue(SessionRules.ExistingSessionTrailer));
    }

    public static TheoryData<string, Action<ScheduleSessionRequest>> MalformedRequests => new()
    {
        { "client_request_id", r => r.ClientRequestId = "" },
        { "enrolment_id", r => r.EnrolmentId = "" },
        { "enrolment_id", r => r.EnrolmentId = "has spaces" },
        { "slot_start", r => r.SlotStart = null },
        { "slot_start", r => r.SlotStart = Timestamp.FromDateTimeOffset(new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero)) },
        { "location", r => r.Location = " " },
        { "location", r => r.Location = new string('x', 201) },
        { "assessor_id", r => r.AssessorId = "not an id" },
    };

    [Theory]
    [MemberData(nameof(MalformedRequests))]
    public async Task ScheduleSession_MalformedField_InvalidArgumentNamingField(string field, Action<ScheduleSessionRequest> breakIt)
    {
        ArgumentNullException.ThrowIfNull(breakIt);
        var request = Schedule(Guid.NewGuid().ToString());
        breakIt(request);

        Assert.Equal(field, FieldOf(await FailsWith(StatusCode.InvalidArgument, () => Scheduling.ScheduleSessionAsync(request).ResponseAsync)));
    }

    [Fact]
    public async Task ScheduleSession_NotEndorsed_FailedPrecondition()
    {
        var enrolmentId = await EndorsedCandidateAsync(endorse: false);

        var e = await FailsWith(StatusCode.FailedPrecondition, () => Scheduling.ScheduleSessionAsync(Schedule(enrolmentId)).ResponseAsync);

        Assert.Contains("endorsement", e.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScheduleSession_UnknownAssessor_NotFound() =>
        Assert.Equal("assessor_id", FieldOf(await FailsWith(StatusCode.NotFound, async () => await Scheduling.ScheduleSessionAsync(Schedule(await EndorsedCandidateAsync(), "nobody")))));

    [Fact]
    public async Task ScheduleSession_AssessorEmployedByCandidatesAuthority_FailedPreconditionConflictOfInterest()
    {
        var e = await FailsWith(StatusCode.FailedPrecondition, async () => await Scheduling.ScheduleSessionAsync(Schedule(await EndorsedCandidateAsync(), BuryAssessor)));

        Assert.Equal("assessor_id", FieldOf(e));
        Assert.Contains("conflict of interest", e.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScheduleSession_AssessorWorkedForCandidatesAuthorityRecently_FailedPreconditionConflictOfInterest()
    {
        await RegisterAssessorAsync("assessor-former-bury", Authorities.Leeds, a => a.PreviousEmployment.Add(new EmploymentPeriod
        {
            AuthorityCode = Authorities.Bury,
            From = Timestamp.FromDateTimeOffset(Clock.GetUtcNow().AddYears(-4)),
            To = Timestamp.FromDateTimeOffset(Clock.GetUtcNow().AddMonths(-3)),
        }));

        var e = await FailsWith(StatusCode.FailedPrecondition, async () => await Scheduling.ScheduleSessionAsync(Schedule(await EndorsedCandidateAsync(), "assessor-former-bury")));

        Assert.Contains("worked for the candidate's authority", e.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScheduleSession_AssessorNotAvailableAtTheSlot_FailedPrecondition()
    {
        await RegisterAssessorAsync("assessor-busy", "", a => a.Availability.Add(new TimeWindow
        {
            Start = Timestamp.FromDateTimeOffset(Clock.GetUtcNow().AddDays(3)),
            End = Timestamp.FromDateTimeOffset(Clock.GetUtcNow().AddDays(4)),
        }));

        var e = await FailsWith(StatusCode.FailedPrecondition, async () => await Scheduling.ScheduleSessionAsync(Schedule(await EndorsedCandidateAsync(), "assessor-busy")));

        Assert.Contains("not available", e.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScheduleSession_NoAssessorNamed_AnEligibleOneNeverOfTheCandidatesAuthority()
    {
        var chosen = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            chosen.Add((await ScheduledSessionAsync(assessorId: "")).FirstAssessorId);
        }

        Assert.DoesNotContain(BuryAssessor, chosen);
        Assert.All(chosen, a => Assert.Contains(a, new[] { ManchesterAssessor, LeedsAssessor, IndependentAssessor }));
    }

    [Fact]
    public async Task RescheduleSession_NewSlotAndAssessor_Moved()
    {
        var session = await ScheduledSessionAsync();
        var slot = Clock.GetUtcNow().AddDays(2);

        var moved = (await Scheduling.RescheduleSessionAsync(new RescheduleSessionRequest { SessionId = session.SessionId, SlotStart = Timestamp.FromDateTimeOffset(slot), AssessorId = LeedsAssessor })).Session;

        Assert.Equal((slot, LeedsAssessor, session.Location), (moved.SlotStart.ToDateTimeOffset(), moved.FirstAssessorId, moved.Location));
        Assert.Empty((await Assessor(ManchesterAssessor).ListAssignedSessionsAsync(new ListAssignedSessionsRequest())).Sessions);
        Assert.Single((await Assessor(LeedsAssessor).ListAssignedSessionsAsync(new ListAssignedSessionsRequest())).Sessions);
    }

    [Fact]
    public async Task RescheduleSession_ToConflictedAssessor_FailedPrecondition()
    {
        var session = await ScheduledSessionAsync();

        var e = await FailsWith(StatusCode.FailedPrecondition, () => Scheduling.RescheduleSessionAsync(new RescheduleSessionRequest { SessionId = session.SessionId, SlotStart = session.SlotStart, AssessorId = BuryAssessor }).ResponseAsync);

        Assert.Equal("assessor_id", FieldOf(e));
    }

    [Fact]
    public async Task CancelSession_Scheduled_CancelledAndCandidateMayScheduleAgain()
    {
        var session = await ScheduledSessionAsync();

        var cancelled = (await Scheduling.CancelSessionAsync(new CancelSessionRequest { SessionId = session.SessionId, Reason = "Candidate ill" })).Session;
        var again = (await Scheduling.CancelSessionAsync(new CancelSessionRequest { SessionId = session.SessionId })).Session;
        var next = (await Scheduling.ScheduleSessionAsync(Schedule(session.EnrolmentId))).Session;

        Assert.Equal((SessionState.Cancelled, "Candidate ill"), (cancelled.State, cancelled.CancellationReason));
        Assert.Equal(cancelled, again);
        Assert.Equal(1, next.AttemptNumber);
    }

    [Fact]
    public async Task CancelSession_AfterFirstMarkingSubmitted_FailedPrecondition()
    {
        var session = await ScheduledSessionAsync();
        await MarkAsync(ManchesterAssessor, session.SessionId, 1);

        await FailsWith(StatusCode.FailedPrecondition, () => Scheduling.CancelSessionAsync(new CancelSessionRequest { SessionId = session.SessionId }).ResponseAsync);
    }

    [Fact]
    public async Task GetSession_ScheduledByAnotherCentre_PermissionDenied()
    {
        var session = await ScheduledSessionAsync();
        var other = new SchedulingService.SchedulingServiceClient(Invoker("centre-2", Scopes.ObservationScheduling));

        await FailsWith(StatusCode.PermissionDenied, () => other.GetSessionAsync(new GetSessionRequest { SessionId = session.SessionId }).ResponseAsync);
        await FailsWith(StatusCode.PermissionDenied, () => other.CancelSessionAsync(new CancelSessionRequest { SessionId = session.SessionId }).ResponseAsync);
        await FailsWith(StatusCode.PermissionDenied, () => other.GetSessionOutcomeAsync(new GetSessionOutcomeRequest { SessionId = session.SessionId }).ResponseAsync);
    }

    [Fact]
    public async Task GetSession_Unknown_NotFound() =>
        await FailsWith(StatusCode.NotFound, () => Scheduling.GetSessionAsync(new GetSessionRequest { SessionId = Guid.NewGuid().ToString() }).ResponseAsync);

    [Fact]
    public async Task GetSession_Malformed_InvalidArgument() =>
        Assert.Equal("session_id", FieldOf(await FailsWith(StatusCode.InvalidArgument, () => Scheduling.GetSessionAsync(new GetSessionRequest { SessionId = "" }).ResponseAsync)));

    [Fact]
    public async Task GetSessionOutcome_NotYetFinal_FailedPrecondition()
    {
        var session = await ScheduledSessionAsync();

        var e = await FailsWith(StatusCode.FailedPrecondition, () => Scheduling.GetSessionOutcomeAsync(new GetSessionOutcomeRequest { SessionId = session.SessionId }).ResponseAsync);

        Assert.Contains("not final", e.Status.Detail, StringComparison.Ordinal);
    }
}
