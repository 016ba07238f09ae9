using Accreditation.BuildingBlocks.Auth;
using Accreditation.BuildingBlocks.Inbox;
using Accreditation.Testing.Application;
using Microsoft.Extensions.DependencyInjection;
using Accreditation.Contracts;
using Accreditation.Contracts.Testing.V1;
using Accreditation.TestSupport;
using Grpc.Core;

namespace Accreditation.Testing.Tests.Api;

[Collection(RedisGroup.Name)]
public sealed class EligibilityEventsTests(RedisFixture redis) : TestingApiTestBase(redis)
{
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
    public async Task Deliver_SameEventTwice_RecordedOnceAndBothAcknowledged()
    {
        var enrolmentId = await EndorsedCandidateAsync(endorse: false);
        var endorsed = Endorsed(enrolmentId);
        var inbox = Host.Services.GetRequiredService<IdempotentConsumer>();

        var first = await DeliverAsync(Topics.CandidateEndorsed, endorsed);
        Assert.True(await inbox.WasProcessedAsync(EnrolmentEventsConsumer.ConsumerName, endorsed.EventId));
        var second = await DeliverAsync(Topics.CandidateEndorsed, endorsed);

        Assert.Equal((200, 200), (first.Http, second.Http));
        Assert.Equal(1, (await Delivery.BookSittingAsync(Book(enrolmentId))).Sitting.AttemptNumber);
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
