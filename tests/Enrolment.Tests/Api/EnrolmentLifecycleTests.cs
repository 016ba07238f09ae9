using Accreditation.Contracts;
using Accreditation.Contracts.Enrolment.V1;
using Accreditation.Contracts.Events.V1;
using Accreditation.TestSupport;
using Google.Protobuf;
using Grpc.Core;

namespace Accreditation.Enrolment.Tests.Api;

[Collection(RedisGroup.Name)]
public sealed class EnrolmentLifecycleTests(RedisFixture redis) : ApiTestBase(redis)
{
    private async Task<Contracts.Enrolment.V1.Enrolment> EnrolAsync(string authority) =>
        (await Host.ClientFor(authority).EnrolCandidateAsync(EnrolmentRequests.Enrol(authority))).Enrolment;

    [Fact]
    public async Task EndorseEnrolment_Enrolled_EndorsedAndCandidateEndorsedPublished()
    {
        var enrolment = await EnrolAsync(Authorities.Bury);

        var endorsed = (await Host.ClientFor(Authorities.Bury).EndorseEnrolmentAsync(EnrolmentRequests.Endorse(enrolment.EnrolmentId))).Enrolment;

        Assert.Equal(EnrolmentState.Endorsed, endorsed.State);
        Assert.Equal("Sam Jones", endorsed.Endorsement.EndorserName);
        Assert.Equal("Team manager", endorsed.Endorsement.EndorserJobTitle);
        Assert.Equal(2, endorsed.Version);
        var evt = JsonParser.Default.Parse<CandidateEndorsed>(Assert.Single(await PublishedAsync(Topics.CandidateEndorsed, 1)).Json);
        Assert.Equal(enrolment.EnrolmentId, evt.EnrolmentId);
        Assert.Equal(2, evt.EnrolmentVersion);
    }

    [Fact]
    public async Task EndorseEnrolment_RetriedWithSameRequestId_SameAnswerOneEvent()
    {
        var enrolment = await EnrolAsync(Authorities.Bury);
        var request = EnrolmentRequests.Endorse(enrolment.EnrolmentId);
        var client = Host.ClientFor(Authorities.Bury);

        var first = (await client.EndorseEnrolmentAsync(request)).Enrolment;
        var retry = (await client.EndorseEnrolmentAsync(request)).Enrolment;

        Assert.Equal(first, retry);
        await Eventually.WaitForAsync(() => Host.Services.GetOutboxPendingAsync(), pending => pending == 0, "outbox drained");
        Assert.Single(Host.Transport.PublishedTo(Topics.CandidateEndorsed));
    }

    [Fact]
    public async Task EndorseEnrolment_SameRequestSentConcurrently_OneAnswerOneEvent()
    {
        var enrolment = await EnrolAsync(Authorities.Bury);
        var request = EnrolmentRequests.Endorse(enrolment.EnrolmentId);
        var client = Host.ClientFor(Authorities.Bury);

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(async _ => (await client.EndorseEnrolmentAsync(request)).Enrolment));

        Assert.All(answers, a => Assert.Equal(answers[0], a));
        await Eventually.WaitForAsync(() => Host.Services.GetOutboxPendingAsync(), pending => pending == 0, "outbox drained");
        Assert.Single(Host.Transport.PublishedTo(Topics.CandidateEndorsed));
    }

    [Fact]
    public async Task EndorseEnrolment_AlreadyEndorsedNewRequest_FailedPrecondition()
    {
        var enrolment = await EnrolAsync(Authorities.Bury);
        var client = Host.ClientFor(Authorities.Bury);
        await client.EndorseEnrolmentAsync(EnrolmentRequests.Endorse(enrolment.EnrolmentId));

        await FailsWith(StatusCode.FailedPrecondition, () => client.EndorseEnrolmentAsync(EnrolmentRequests.Endorse(enrolment.EnrolmentId)).ResponseAsync);
    }

    [Fact]
    public async Task EndorseEnrolment_MissingEndorserName_InvalidArgumentNamingField()
    {
        var enrolment = await EnrolAsync(Authorities.Bury);
        var request = EnrolmentRequests.Endorse(enrolment.EnrolmentId);
        request.EndorserName = "";

        var e = await FailsWith(StatusCode.InvalidArgument, () => Host.ClientFor(Authorities.Bury).EndorseEnrolmentAsync(request).ResponseAsync);

        Assert.Equal("endorser_name", FieldOf(e));
    }

    [Fact]
    public async Task EndorseEnrolment_UnknownEnrolment_NotFound()
    {
        var e = await FailsWith(StatusCode.NotFound, () =>
            Host.ClientFor(Authorities.Bury).EndorseEnrolmentAsync(EnrolmentRequests.Endorse(Guid.NewGuid().ToString())).ResponseAsync);

        Assert.Equal("enrolment_id", FieldOf(e));
    }

    [Fact]
    public async Task EndorseEnrolment_OtherAuthoritysCandidate_PermissionDeniedAndUnchanged()
    {
        var enrolment = await EnrolAsync(Authorities.Bury);

        await FailsWith(StatusCode.PermissionDenied, () =>
            Host.ClientFor(Authorities.Leeds).EndorseEnrolmentAsync(EnrolmentRequests.Endorse(enrolment.EnrolmentId)).ResponseAsync);

        var unchanged = (await Host.ClientFor(Authorities.Bury).GetEnrolmentAsync(new GetEnrolmentRequest { EnrolmentId = enrolment.EnrolmentId })).Enrolment;
        Assert.Equal(enrolment, unchanged);
    }

    [Fact]
    public async Task WithdrawEnrolment_Endorsed_WithdrawnAndCandidateWithdrawnPublished()
    {
        var enrolment = await EnrolAsync(Authorities.Manchester);
        var client = Host.ClientFor(Authorities.Manchester);
        await client.EndorseEnrolmentAsync(EnrolmentRequests.Endorse(enrolment.EnrolmentId));

        var withdrawn = (await client.WithdrawEnrolmentAsync(EnrolmentRequests.Withdraw(enrolment.EnrolmentId))).Enrolment;

        Assert.Equal(EnrolmentState.Withdrawn, withdrawn.State);
        Assert.Equal("Personal circumstances", withdrawn.Withdrawal.Reason);
        var evt = JsonParser.Default.Parse<CandidateWithdrawn>(Assert.Single(await PublishedAsync(Topics.CandidateWithdrawn, 1)).Json);
        Assert.Equal("Personal circumstances", evt.Reason);
        Assert.Equal(3, evt.EnrolmentVersion);
    }

    [Fact]
    public async Task WithdrawEnrolment_AlreadyWithdrawn_FailedPrecondition()
    {
        var enrolment = await EnrolAsync(Authorities.Manchester);
        var client = Host.ClientFor(Authorities.Manchester);
        await client.WithdrawEnrolmentAsync(EnrolmentRequests.Withdraw(enrolment.EnrolmentId));

        await FailsWith(StatusCode.FailedPrecondition, () => client.WithdrawEnrolmentAsync(EnrolmentRequests.Withdraw(enrolment.EnrolmentId)).ResponseAsync);
        await FailsWith(StatusCode.FailedPrecondition, () => client.EndorseEnrolmentAsync(EnrolmentRequests.Endorse(enrolment.EnrolmentId)).ResponseAsync);
    }

    [Fact]
    public async Task WithdrawEnrolment_MissingReason_InvalidArgumentNamingField()
    {
        var enrolment = await EnrolAsync(Authorities.Manchester);
        var request = EnrolmentRequests.Withdraw(enrolment.EnrolmentId);
        request.Reason = "";

        var e = await FailsWith(StatusCode.InvalidArgument, () => Host.ClientFor(Authorities.Manchester).WithdrawEnrolmentAsync(request).ResponseAsync);

        Assert.Equal("reason", FieldOf(e));
    }

    [Fact]
    public async Task MoveEnrolment_ToParticipatingAuthority_NewEmployerOwnsItOldOneNoLonger()
    {
        var enrolment = await EnrolAsync(Authorities.Bury);
        await Host.ClientFor(Authorities.Bury).EndorseEnrolmentAsync(EnrolmentRequests.Endorse(enrolment.EnrolmentId));

        var moved = (await Host.ClientFor(Authorities.Bury).MoveEnrolmentAsync(EnrolmentRequests.Move(enrolment.EnrolmentId, Authorities.Wigan))).Enrolment;

        Assert.Equal(Authorities.Wigan, moved.EmployingAuthority.GssCode);
        Assert.Equal(EnrolmentState.Endorsed, moved.State);
        Assert.Equal("NEW-77", moved.HrReference);
        var move = Assert.Single(moved.Moves);
        Assert.Equal(Authorities.Bury, move.FromAuthority.GssCode);
        var wigan = Host.ClientFor(Authorities.Wigan);
        var seenByWigan = (await wigan.GetEnrolmentAsync(new GetEnrolmentRequest { EnrolmentId = enrolment.EnrolmentId })).Enrolment;
        Assert.Equal((moved.Version, moved.State, Authorities.Wigan, "NEW-77"), (seenByWigan.Version, seenByWigan.State, seenByWigan.EmployingAuthority.GssCode, Assert.Single(seenByWigan.Moves).HrReference));
        Assert.Single((await wigan.ListEnrolmentsAsync(new ListEnrolmentsRequest())).Enrolments);
        Assert.Empty((await Host.ClientFor(Authorities.Bury).ListEnrolmentsAsync(new ListEnrolmentsRequest())).Enrolments);
        await FailsWith(StatusCode.PermissionDenied, () =>
            Host.ClientFor(Authorities.Bury).GetEnrolmentAsync(new GetEnrolmentRequest { EnrolmentId = enrolment.EnrolmentId }).ResponseAsync);
        var evt = JsonParser.Default.Parse<CandidateMoved>(Assert.Single(await PublishedAsync(Topics.CandidateMoved, 1)).Json);
        Assert.Equal(Authorities.Bury, evt.FromAuthority.GssCode);
        Assert.Equal(Authorities.Wigan, evt.Authority.GssCode);
    }

    [Fact]
    public async Task MoveEnrolment_ToAuthorityOutsidePhase_FailedPreconditionNamingPhase()
    {
        var enrolment = await EnrolAsync(Authorities.Bury);

        var e = await FailsWith(StatusCode.FailedPrecondition, () =>
            Host.ClientFor(Authorities.Bury).MoveEnrolmentAsync(EnrolmentRequests.Move(enrolment.EnrolmentId, Authorities.Sheffield)).ResponseAsync);

        Assert.Contains("phase-1", e.Status.Detail, StringComparison.Ordinal);
        Assert.Equal("new_authority_code", FieldOf(e));
    }

    [Fact]
    public async Task MoveEnrolment_ToSameAuthority_FailedPrecondition()
    {
        var enrolment = await EnrolAsync(Authorities.Bury);

        await FailsWith(StatusCode.FailedPrecondition, () =>
            Host.ClientFor(Authorities.Bury).MoveEnrolmentAsync(EnrolmentRequests.Move(enrolment.EnrolmentId, Authorities.Bury)).ResponseAsync);
    }

    [Fact]
    public async Task MoveEnrolment_UnknownAuthorityCode_InvalidArgument()
    {
        var enrolment = await EnrolAsync(Authorities.Bury);

        var e = await FailsWith(StatusCode.InvalidArgument, () =>
            Host.ClientFor(Authorities.Bury).MoveEnrolmentAsync(EnrolmentRequests.Move(enrolment.EnrolmentId, "E99999999")).ResponseAsync);

        Assert.Equal("new_authority_code", FieldOf(e));
    }

    [Fact]
    public async Task MoveEnrolment_ByTheNewEmployer_PermissionDenied()
    {
        var enrolment = await EnrolAsync(Authorities.Bury);

        await FailsWith(StatusCode.PermissionDenied, () =>
            Host.ClientFor(Authorities.Wigan).MoveEnrolmentAsync(EnrolmentRequests.Move(enrolment.EnrolmentId, Authorities.Wigan)).ResponseAsync);
    }

    [Fact]
    public async Task MoveEnrolment_Twice_LaterEmployerDoesNotSeeEarlierEmployersHrReference()
    {
        var enrolment = await EnrolAsync(Authorities.Bury);
        await Host.ClientFor(Authorities.Bury).MoveEnrolmentAsync(EnrolmentRequests.Move(enrolment.EnrolmentId, Authorities.Wigan));
        var toLeeds = EnrolmentRequests.Move(enrolment.EnrolmentId, Authorities.Leeds);
        toLeeds.NewHrReference = "LEEDS-9";
        await Host.ClientFor(Authorities.Wigan).MoveEnrolmentAsync(toLeeds);

        var seen = (await Host.ClientFor(Authorities.Leeds).GetEnrolmentAsync(new GetEnrolmentRequest { EnrolmentId = enrolment.EnrolmentId })).Enrolment;

        Assert.Equal(["", "LEEDS-9"], seen.Moves.Select(m => m.HrReference));
        Assert.Equal([Authorities.Wigan, Authorities.Leeds], seen.Moves.Select(m => m.ToAuthority.GssCode));
        Assert.Equal("LEEDS-9", seen.HrReference);
    }

    [Fact]
    public async Task MoveEnrolment_SameRequestSentConcurrently_EveryCallGetsTheMove()
    {
        var enrolment = await EnrolAsync(Authorities.Bury);
        var request = EnrolmentRequests.Move(enrolment.EnrolmentId, Authorities.Wigan);
        var bury = Host.ClientFor(Authorities.Bury);

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(async _ => (await bury.MoveEnrolmentAsync(request)).Enrolment));

        Assert.All(answers, a => Assert.Equal((Authorities.Wigan, 2L), (a.EmployingAuthority.GssCode, a.Version)));
        await Eventually.WaitForAsync(() => Host.Services.GetOutboxPendingAsync(), pending => pending == 0, "outbox drained");
        Assert.Single(Host.Transport.PublishedTo(Topics.CandidateMoved));
    }
}
