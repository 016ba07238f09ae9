using Accreditation.BuildingBlocks.Auth;
using Accreditation.Contracts;
using Accreditation.Contracts.Common.V1;
using Accreditation.Contracts.Enrolment.V1;
using Accreditation.Contracts.Events.V1;
using Accreditation.Enrolment.Application;
using Accreditation.TestSupport;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace Accreditation.Enrolment.Tests.Api;

[Collection(RedisGroup.Name)]
public sealed class EnrolCandidateTests(RedisFixture redis) : ApiTestBase(redis)
{
    [Fact]
    public async Task EnrolCandidate_ValidRequest_EnrolledAndCandidateEnrolledPublished()
    {
        var request = EnrolmentRequests.Enrol(Authorities.Bury, "SW00123");

        var response = await Host.ClientFor(Authorities.Bury).EnrolCandidateAsync(request);

        var e = response.Enrolment;
        Assert.Equal(EnrolmentState.Enrolled, e.State);
        Assert.Equal("SW123", e.RegistrationNumber);
        Assert.Equal("351", e.EmployingAuthority.LaNumber);
        Assert.Equal("Bury", e.EmployingAuthority.Name);
        Assert.Equal("phase-1", e.Phase);
        Assert.Equal(1, e.Version);
        var published = Assert.Single(await PublishedAsync(Topics.CandidateEnrolled, 1));
        var evt = JsonParser.Default.Parse<CandidateEnrolled>(published.Json);
        Assert.Equal(published.Id, evt.EventId);
        Assert.Equal(e.EnrolmentId, evt.EnrolmentId);
        Assert.Equal("SW123", evt.RegistrationNumber);
        Assert.Equal(Role.ChildAndFamilyPractitioner, evt.Role);
        Assert.Equal(Authorities.Bury, evt.Authority.GssCode);
        Assert.Equal(e.EnrolledAt, evt.OccurredAt);
        Assert.Equal("accreditation.events.v1.CandidateEnrolled", published.EventType);
    }

    [Fact]
    public async Task EnrolCandidate_RetriedWithSameClientRequestId_FirstAnswerOneEnrolmentOneEvent()
    {
        var client = Host.ClientFor(Authorities.Leeds);
        var request = EnrolmentRequests.Enrol(Authorities.Leeds);

        var answers = await Task.WhenAll(Enumerable.Range(0, 5).Select(async _ => (await client.EnrolCandidateAsync(request)).Enrolment));

        Assert.Single(answers.Select(a => a.EnrolmentId).Distinct());
        Assert.All(answers, a => Assert.Equal(answers[0], a));
        var list = await client.ListEnrolmentsAsync(new ListEnrolmentsRequest());
        Assert.Single(list.Enrolments);
        await PublishedAsync(Topics.CandidateEnrolled, 1);
        await Eventually.WaitForAsync(() => Host.Services.GetOutboxPendingAsync(), pending => pending == 0, "outbox drained");
        Assert.Single(Host.Transport.PublishedTo(Topics.CandidateEnrolled));
    }

    [Fact]
    public async Task EnrolCandidate_SameClientRequestIdDifferentRequest_InvalidArgumentNamingRequestId()
    {
        var client = Host.ClientFor(Authorities.Leeds);
        var request = EnrolmentRequests.Enrol(Authorities.Leeds);
        await client.EnrolCandidateAsync(request);
        request.GivenName = "Someone else";

        var e = await FailsWith(StatusCode.InvalidArgument, () => client.EnrolCandidateAsync(request).ResponseAsync);

        Assert.Equal("client_request_id", FieldOf(e));
    }

    [Fact]
    public async Task EnrolCandidate_SecondActiveEnrolmentSameRegistrationAndRole_AlreadyExistsNamingExisting()
    {
        var client = Host.ClientFor(Authorities.Wigan);
        var first = (await client.EnrolCandidateAsync(EnrolmentRequests.Enrol(Authorities.Wigan, "SW4242"))).Enrolment;

        var e = await FailsWith(StatusCode.AlreadyExists, () => client.EnrolCandidateAsync(EnrolmentRequests.Enrol(Authorities.Wigan, "SW04242")).ResponseAsync);

        Assert.Contains(first.EnrolmentId, e.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(first.EnrolmentId, e.Trailers.GetValue(EnrolmentCommands.ExistingEnrolmentTrailer));
    }

    [Fact]
    public async Task EnrolCandidate_ActiveWithAnotherEmployer_AlreadyExistsWithoutNamingTheirEnrolment()
    {
        var theirs = (await Host.ClientFor(Authorities.Bury).EnrolCandidateAsync(EnrolmentRequests.Enrol(Authorities.Bury, "SW4343"))).Enrolment;

        var e = await FailsWith(StatusCode.AlreadyExists, () => Host.ClientFor(Authorities.Wigan).EnrolCandidateAsync(EnrolmentRequests.Enrol(Authorities.Wigan, "SW4343")).ResponseAsync);

        Assert.DoesNotContain(theirs.EnrolmentId, e.Status.Detail, StringComparison.Ordinal);
        Assert.Null(e.Trailers.GetValue(EnrolmentCommands.ExistingEnrolmentTrailer));
        Assert.Contains("another employer", e.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnrolCandidate_SameRegistrationOtherRole_EnrolsBoth()
    {
        var client = Host.ClientFor(Authorities.Wigan);
        await client.EnrolCandidateAsync(EnrolmentRequests.Enrol(Authorities.Wigan, "SW777"));

        var second = await client.EnrolCandidateAsync(EnrolmentRequests.Enrol(Authorities.Wigan, "SW777", Role.PracticeSupervisor));

        Assert.Equal(Role.PracticeSupervisor, second.Enrolment.Role);
    }

    [Fact]
    public async Task EnrolCandidate_AfterWithdrawal_EnrolsAgainWithoutPenalty()
    {
        var client = Host.ClientFor(Authorities.Oldham);
        var first = (await client.EnrolCandidateAsync(EnrolmentRequests.Enrol(Authorities.Oldham, "SW555"))).Enrolment;
        await client.WithdrawEnrolmentAsync(EnrolmentRequests.Withdraw(first.EnrolmentId));

        var again = (await client.EnrolCandidateAsync(EnrolmentRequests.Enrol(Authorities.Oldham, "SW555"))).Enrolment;

        Assert.NotEqual(first.EnrolmentId, again.EnrolmentId);
        Assert.Equal(EnrolmentState.Enrolled, again.State);
    }

    public static TheoryData<string, Action<EnrolCandidateRequest>> MalformedRequests => new()
    {
        { "client_request_id", r => r.ClientRequestId = "" },
        { "registration_number", r => r.RegistrationNumber = "SW1234567" },
        { "registration_number", r => r.RegistrationNumber = "12345" },
        { "registration_number", r => r.RegistrationNumber = "SW0" },
        { "given_name", r => r.GivenName = "  " },
        { "family_name", r => r.FamilyName = new string('x', 201) },
        { "work_email", r => r.WorkEmail = "not-an-email" },
        { "role", r => r.Role = Role.Unspecified },
        { "role", r => r.Role = (Role)99 },
        { "employing_authority_code", r => r.EmployingAuthorityCode = "" },
        { "employing_authority_code", r => r.EmployingAuthorityCode = "W06000015" },
        { "hr_reference", r => r.HrReference = "" },
        { "consent", r => r.Consent = null },
        { "consent.assessment_consent", r => r.Consent.AssessmentConsent = false },
        { "consent.consented_at", r => r.Consent.ConsentedAt = null },
        { "consent.consented_at", r => r.Consent.ConsentedAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddDays(2)) },
        { "consent.consented_at", r => r.Consent.ConsentedAt = new Timestamp { Seconds = long.MaxValue } },
        { "consent.consent_text_version", r => r.Consent.ConsentTextVersion = "" },
        { "equality_monitoring.age_band", r => r.EqualityMonitoring = new EqualityMonitoring { AgeBand = (AgeBand)42 } },
    };

    [Theory]
    [MemberData(nameof(MalformedRequests))]
    public async Task EnrolCandidate_MalformedField_InvalidArgumentNamingField(string field, Action<EnrolCandidateRequest> breakIt)
    {
        ArgumentNullException.ThrowIfNull(breakIt);
        var request = EnrolmentRequests.Enrol(Authorities.Bury);
        breakIt(request);

        var e = await FailsWith(StatusCode.InvalidArgument, () => Host.ClientFor(Authorities.Bury).EnrolCandidateAsync(request).ResponseAsync);

        Assert.Equal(field, FieldOf(e));
        Assert.StartsWith(field + ":", e.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnrolCandidate_AuthorityOutsidePhase_FailedPreconditionNamingPhase()
    {
        var e = await FailsWith(StatusCode.FailedPrecondition, () =>
            Host.ClientFor(Authorities.Sheffield).EnrolCandidateAsync(EnrolmentRequests.Enrol(Authorities.Sheffield)).ResponseAsync);

        Assert.Contains("phase-1", e.Status.Detail, StringComparison.Ordinal);
        Assert.Equal("employing_authority_code", FieldOf(e));
    }

    [Fact]
    public async Task EnrolCandidate_ForAnotherAuthority_PermissionDenied()
    {
        await FailsWith(StatusCode.PermissionDenied, () =>
            Host.ClientFor(Authorities.Bury).EnrolCandidateAsync(EnrolmentRequests.Enrol(Authorities.Manchester)).ResponseAsync);

        Assert.Empty((await Host.ClientFor(Authorities.Manchester).ListEnrolmentsAsync(new ListEnrolmentsRequest())).Enrolments);
    }

    [Fact]
    public async Task EnrolCandidate_WithoutToken_Unauthenticated()
    {
        await FailsWith(StatusCode.Unauthenticated, () => Host.AnonymousClient().EnrolCandidateAsync(EnrolmentRequests.Enrol(Authorities.Bury)).ResponseAsync);
    }

    [Fact]
    public async Task EnrolCandidate_TokenWithoutHrScope_PermissionDenied()
    {
        await FailsWith(StatusCode.PermissionDenied, () =>
            Host.ClientFor(Authorities.Bury, "testing.delivery").EnrolCandidateAsync(EnrolmentRequests.Enrol(Authorities.Bury)).ResponseAsync);
    }

    [Fact]
    public async Task EnrolCandidate_TokenWithoutAuthority_PermissionDenied()
    {
        await FailsWith(StatusCode.PermissionDenied, () =>
            Host.ClientFor(null, Scopes.EnrolmentHr).EnrolCandidateAsync(EnrolmentRequests.Enrol(Authorities.Bury)).ResponseAsync);
    }

    [Fact]
    public async Task EnrolCandidate_WithEqualityMonitoring_AnswersNeverReturnedAndPublishedOnlyOnEvaluationTopic()
    {
        var client = Host.ClientFor(Authorities.Bury);
        var request = EnrolmentRequests.Enrol(Authorities.Bury);
        request.EqualityMonitoring = new EqualityMonitoring
        {
            AgeBand = AgeBand._30To39,
            EthnicGroup = EthnicGroup.PreferNotToSay,
            Sex = Sex.Female,
            Disability = Disability.No,
        };

        var enrolment = (await client.EnrolCandidateAsync(request)).Enrolment;
        var fetched = (await client.GetEnrolmentAsync(new GetEnrolmentRequest { EnrolmentId = enrolment.EnrolmentId })).Enrolment;

        var recorded = Assert.Single(await PublishedAsync(Topics.EqualityMonitoringRecorded, 1));
        Assert.Equal(request.EqualityMonitoring, JsonParser.Default.Parse<EqualityMonitoringRecorded>(recorded.Json).EqualityMonitoring);
        var enrolled = Assert.Single(await PublishedAsync(Topics.CandidateEnrolled, 1));
        foreach (var text in new[] { enrolled.Json, JsonFormatter.Default.Format(enrolment), JsonFormatter.Default.Format(fetched) })
        {
            Assert.DoesNotContain("AGE_BAND", text, StringComparison.Ordinal);
            Assert.DoesNotContain("FEMALE", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task EnrolCandidate_TokenWithoutSubject_PermissionDeniedAtTheEdge()
    {
        var client = new EnrolmentService.EnrolmentServiceClient(Host.InvokerAs("", Authorities.Bury, Scopes.EnrolmentHr));

        await FailsWith(StatusCode.PermissionDenied, () => client.EnrolCandidateAsync(EnrolmentRequests.Enrol(Authorities.Bury)).ResponseAsync);
    }

    [Fact]
    public async Task EnrolCandidate_AuthorityClaimInAnotherSpelling_ActsForThatAuthority()
    {
        var client = new EnrolmentService.EnrolmentServiceClient(Host.InvokerAs("hr-bury", " e08000002 ", Scopes.EnrolmentHr));

        var enrolled = await client.EnrolCandidateAsync(EnrolmentRequests.Enrol(Authorities.Bury));
        var listed = await Host.ClientFor(Authorities.Bury).ListEnrolmentsAsync(new ListEnrolmentsRequest());

        Assert.Equal(Authorities.Bury, enrolled.Enrolment.EmployingAuthority.GssCode);
        Assert.Contains(listed.Enrolments, e => e.EnrolmentId == enrolled.Enrolment.EnrolmentId);
    }
}
