using Accreditation.BuildingBlocks.Auth;
using Accreditation.BuildingBlocks.Inbox;
using Accreditation.BuildingBlocks.Redis;
using Accreditation.Contracts;
using Accreditation.Contracts.Common.V1;
using Accreditation.Contracts.Events.V1;
using Accreditation.Contracts.Testing.V1;
using Accreditation.Testing.Application;
using Accreditation.Testing.Infrastructure;
using Accreditation.TestSupport;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;

namespace Accreditation.Testing.Tests.Api;

[Collection(RedisGroup.Name)]
public sealed class EligibilityEventsTests(RedisFixture redis) : TestingApiTestBase(redis)
{
    private static readonly LocalAuthorityRef Manchester = new() { GssCode = Authorities.Manchester, LaNumber = "352", Name = "Manchester" };

    private static readonly LocalAuthorityRef Oldham = new() { GssCode = Authorities.Oldham, LaNumber = "353", Name = "Oldham" };

    private CandidateMoved Moved(string enrolmentId, long version, LocalAuthorityRef to, LocalAuthorityRef from) => new()
    {
        EventId = Guid.NewGuid().ToString(),
        OccurredAt = Timestamp.FromDateTimeOffset(Clock.GetUtcNow()),
        EnrolmentId = enrolmentId,
        RegistrationNumber = RegistrationNumberOf(enrolmentId),
        Role = Role.ChildAndFamilyPractitioner,
        Authority = to,
        FromAuthority = from,
        EnrolmentVersion = version,
    };

    [Fact]
    public async Task BookSitting_EnrolledButNotEndorsed_FailedPrecondition()
    {
        var enrolmentId = await EndorsedCandidateAsync(endorse: false);

        var e = await FailsWith(StatusCode.FailedPrecondition, () => Delivery.BookSittingAsync(Book(enrolmentId)).ResponseAsync);

        Assert.Contains("endorsement", e.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BookSitting_UnknownEnrolment_FailedPrecondition() =>
        await FailsWith(StatusCode.FailedPrecondition, () => Delivery.BookSittingAsync(Book(Guid.NewGuid().ToString())).ResponseAsync);

    [Fact]
    public async Task Deliver_EndorsedBeforeEnrolled_EligibleAnyway()
    {
        var enrolmentId = Guid.NewGuid().ToString();
        await DeliverAsync(Topics.CandidateEndorsed, Endorsed(enrolmentId));

        var booked = await Delivery.BookSittingAsync(Book(enrolmentId));

        Assert.Equal(SittingState.Booked, booked.Sitting.State);
    }

    [Fact]
    public async Task Deliver_WithdrawnBeforeEndorsed_NotEligible()
    {
        var enrolmentId = await EndorsedCandidateAsync(endorse: false);
        await DeliverAsync(Topics.CandidateWithdrawn, Withdrawn(enrolmentId));
        await DeliverAsync(Topics.CandidateEndorsed, Endorsed(enrolmentId));

        var e = await FailsWith(StatusCode.FailedPrecondition, () => Delivery.BookSittingAsync(Book(enrolmentId)).ResponseAsync);

        Assert.Contains("withdrawn", e.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deliver_Withdrawal_CancelsOpenBooking()
    {
        var enrolmentId = await EndorsedCandidateAsync();
        var booked = await Delivery.BookSittingAsync(Book(enrolmentId));

        var (http, body) = await DeliverAsync(Topics.CandidateWithdrawn, Withdrawn(enrolmentId));

        Assert.Equal(200, http);
        Assert.Contains("SUCCESS", body, StringComparison.Ordinal);
        var sitting = (await Delivery.GetSittingAsync(new GetSittingRequest { SittingId = booked.Sitting.SittingId })).Sitting;
        Assert.Equal(SittingState.Cancelled, sitting.State);
        Assert.Equal("the candidate withdrew", sitting.CancellationReason);
    }

    [Fact]
    public async Task Deliver_SecondEventUnderSameCloudEventId_IgnoredAndBothAnsweredSuccess()
    {
        // The inbox keys on consumer and CloudEvent id only, so a withdrawal delivered under the id of
        // the endorsement already applied must change nothing; applied, it would make the candidate
        // unbookable (unlike a second endorsement, which would change nothing either way).
        var enrolmentId = await EndorsedCandidateAsync(endorse: false);
        var cloudEventId = Guid.NewGuid().ToString();
        var inbox = Host.Services.GetRequiredService<IdempotentConsumer>();

        var first = await DeliverAsync(Topics.CandidateEndorsed, Endorsed(enrolmentId), cloudEventId);
        Assert.True(await inbox.WasProcessedAsync(EnrolmentEventsConsumer.ConsumerName, cloudEventId));
        var second = await DeliverAsync(Topics.CandidateWithdrawn, Withdrawn(enrolmentId), cloudEventId);

        Assert.Equal((200, "SUCCESS"), (first.Http, DaprStatusOf(first.Body)));
        Assert.Equal((200, "SUCCESS"), (second.Http, DaprStatusOf(second.Body)));
        var booked = await Delivery.BookSittingAsync(Book(enrolmentId));
        Assert.Equal(SittingState.Booked, booked.Sitting.State);
    }

    [Fact]
    public async Task Deliver_MovesOutOfOrder_LaterVersionsAuthorityOnCompletionEvent()
    {
        // Enrolled (version 1) and endorsed (version 2) in Bury, then two moves arrive newest first.
        var enrolmentId = await EndorsedCandidateAsync();
        var moved = await DeliverAsync(Topics.CandidateMoved, Moved(enrolmentId, 4, Manchester, from: Oldham));
        var stale = await DeliverAsync(Topics.CandidateMoved, Moved(enrolmentId, 3, Oldham, from: Bury));
        Assert.Equal(("SUCCESS", "SUCCESS"), (DaprStatusOf(moved.Body), DaprStatusOf(stale.Body)));

        var started = await StartedSittingAsync(enrolmentId);
        await Delivery.SubmitSittingAsync(new SubmitSittingRequest { SittingId = started.Sitting.SittingId });

        var published = await Eventually.WaitForAsync(() => Task.FromResult(Host.Transport.PublishedTo(Topics.KnowledgeTestCompleted)), p => p.Count == 1, "knowledge test completed");
        var completed = JsonParser.Default.Parse<KnowledgeTestCompleted>(published[0].Json);
        Assert.Equal(enrolmentId, completed.EnrolmentId);
        Assert.Equal(Manchester, completed.Authority);
    }

    [Theory]
    [InlineData("""{"enrolmentVersion":"not a number"}""")]
    [InlineData("""{"occurredAt":"yesterday"}""")]
    [InlineData("""{"authority":42}""")]
    public async Task Deliver_PayloadNotProtobufJson_DropWithStatus200(string data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var enrolmentId = await EndorsedCandidateAsync(endorse: false);
        var json = data.Insert(1, $"\"eventId\":\"{Guid.NewGuid()}\",\"enrolmentId\":\"{enrolmentId}\",");

        var (http, body) = await DeliverEnvelopeAsync(Topics.CandidateEndorsed, Guid.NewGuid().ToString(), CandidateEndorsed.Descriptor.FullName, json);

        Assert.Equal((200, "DROP"), (http, DaprStatusOf(body)));
        await FailsWith(StatusCode.FailedPrecondition, () => Delivery.BookSittingAsync(Book(enrolmentId)).ResponseAsync);
    }

    [Fact]
    public async Task Deliver_NoCloudEventIdAndNoEventId_DropWithStatus200()
    {
        var enrolmentId = await EndorsedCandidateAsync(endorse: false);
        var endorsed = Endorsed(enrolmentId);
        endorsed.EventId = "";

        var (http, body) = await DeliverEnvelopeAsync(Topics.CandidateEndorsed, id: null, CandidateEndorsed.Descriptor.FullName, JsonFormatter.Default.Format(endorsed));

        Assert.Equal((200, "DROP"), (http, DaprStatusOf(body)));
        await FailsWith(StatusCode.FailedPrecondition, () => Delivery.BookSittingAsync(Book(enrolmentId)).ResponseAsync);
    }

    [Fact]
    public async Task Deliver_HandlerFails_Retry500NotRecordedAndRedeliveryApplies()
    {
        // The handler's read of the candidate fails on a corrupt stored record (no production hook needed).
        var enrolmentId = await EndorsedCandidateAsync(endorse: false);
        var endorsed = Endorsed(enrolmentId);
        var db = Host.Services.GetRequiredService<RedisStore>().Database;
        var candidateKey = Host.Services.GetRequiredService<SittingRepository>().CandidateKey(enrolmentId);
        var intact = await db.StringGetAsync(candidateKey);
        Assert.False(intact.IsNull);
        await db.StringSetAsync(candidateKey, "{ this is not a candidate record");

        var failed = await DeliverAsync(Topics.CandidateEndorsed, endorsed);

        Assert.Equal((500, "RETRY"), (failed.Http, DaprStatusOf(failed.Body)));
        Assert.False(await Host.Services.GetRequiredService<IdempotentConsumer>().WasProcessedAsync(EnrolmentEventsConsumer.ConsumerName, endorsed.EventId));
        await db.StringSetAsync(candidateKey, intact);
        var redelivered = await DeliverAsync(Topics.CandidateEndorsed, endorsed);
        Assert.Equal((200, "SUCCESS"), (redelivered.Http, DaprStatusOf(redelivered.Body)));
        Assert.Equal(SittingState.Booked, (await Delivery.BookSittingAsync(Book(enrolmentId))).Sitting.State);
    }

    [Fact]
    public async Task SubscribeHandler_Lists_EnrolmentTopicsWithDeadLetterTopics()
    {
        var json = await Host.Http.GetStringAsync(new Uri("/dapr/subscribe", UriKind.Relative));

        foreach (var topic in new[] { Topics.CandidateEnrolled, Topics.CandidateEndorsed, Topics.CandidateWithdrawn, Topics.CandidateMoved })
        {
            Assert.Contains($"\"{topic}\"", json, StringComparison.Ordinal);
            Assert.Contains($"\"{Topics.DeadLetterFor(AppIds.Testing, topic)}\"", json, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task BookSitting_BankAdminScope_PermissionDenied() =>
        await FailsWith(StatusCode.PermissionDenied, () =>
            new TestDeliveryService.TestDeliveryServiceClient(Host.InvokerFor(null, Scopes.BankAdmin)).BookSittingAsync(Book("e")).ResponseAsync);
}
