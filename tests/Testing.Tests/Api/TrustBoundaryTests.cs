using System.Net;
using System.Text;
using Accreditation.BuildingBlocks.Auth;
using Accreditation.BuildingBlocks.Idempotency;
using Accreditation.Cli.Bank;
using Accreditation.Contracts;
using Accreditation.Contracts.Common.V1;
using Accreditation.Contracts.Events.V1;
using Accreditation.Contracts.Testing.V1;
using Accreditation.Testing.Infrastructure;
using Accreditation.TestSupport;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;

namespace Accreditation.Testing.Tests.Api;

/// <summary>Who may change what in Testing: only the sidecar delivers events; a sitting belongs to its provider; one person, one open sitting.</summary>
[Collection(RedisGroup.Name)]
public sealed class TrustBoundaryTests(RedisFixture redis) : TestingApiTestBase(redis)
{
    [Theory]
    [InlineData(null)]
    [InlineData("not-the-sidecars-token")]
    public async Task Deliver_ForgedEndorsementWithoutTheSidecarToken_UnauthorizedAndStillNotBookable(string? token)
    {
        var enrolmentId = await EndorsedCandidateAsync(endorse: false);
        using var impostor = Host.AppPortClient(token);
        var forged = Endorsed(enrolmentId);
        var envelope = $$"""{"specversion":"1.0","id":"{{Guid.NewGuid()}}","source":"enrolment","type":"x","datacontenttype":"application/json","data":{{JsonFormatter.Default.Format(forged)}}}""";
        using var content = new StringContent(envelope, Encoding.UTF8, "application/cloudevents+json");

        using var response = await impostor.PostAsync(new Uri("/events/" + Topics.CandidateEndorsed, UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await FailsWith(StatusCode.FailedPrecondition, () => Delivery.BookSittingAsync(Book(enrolmentId)).ResponseAsync);
    }

    [Fact]
    public async Task Sitting_AnotherDeliveryProvider_PermissionDeniedOnEveryCallAndNothingChanges()
    {
        var enrolmentId = await EndorsedCandidateAsync();
        var booked = (await Delivery.BookSittingAsync(Book(enrolmentId))).Sitting;
        var other = new TestDeliveryService.TestDeliveryServiceClient(Host.InvokerAs("another-provider", null, Scopes.TestDelivery));
        var id = booked.SittingId;

        await FailsWith(StatusCode.PermissionDenied, () => other.GetSittingAsync(new GetSittingRequest { SittingId = id }).ResponseAsync);
        await FailsWith(StatusCode.PermissionDenied, () => other.StartSittingAsync(new StartSittingRequest { SittingId = id }).ResponseAsync);
        await FailsWith(StatusCode.PermissionDenied, () => other.SaveAnswersAsync(new SaveAnswersRequest { SittingId = id }).ResponseAsync);
        await FailsWith(StatusCode.PermissionDenied, () => other.SubmitSittingAsync(new SubmitSittingRequest { SittingId = id }).ResponseAsync);
        await FailsWith(StatusCode.PermissionDenied, () => other.CancelSittingAsync(new CancelSittingRequest { SittingId = id }).ResponseAsync);

        var own = (await Delivery.GetSittingAsync(new GetSittingRequest { SittingId = id })).Sitting;
        Assert.Equal(SittingState.Booked, own.State);
    }

    [Fact]
    public async Task BookSitting_DeliveryTokenWithoutSubject_PermissionDeniedAtTheEdge()
    {
        var enrolmentId = await EndorsedCandidateAsync();
        var anonymous = new TestDeliveryService.TestDeliveryServiceClient(Host.InvokerAs("", null, Scopes.TestDelivery));

        await FailsWith(StatusCode.PermissionDenied, () => anonymous.BookSittingAsync(Book(enrolmentId)).ResponseAsync);
    }

    [Fact]
    public async Task BookSitting_SameRequestIdFromTwoProviders_EachGetsItsOwnAnswer()
    {
        var first = await EndorsedCandidateAsync();
        var second = await EndorsedCandidateAsync();
        var other = new TestDeliveryService.TestDeliveryServiceClient(Host.InvokerAs("another-provider", null, Scopes.TestDelivery));
        var a = Book(first);
        var b = Book(second);
        b.ClientRequestId = a.ClientRequestId;

        var bookedA = (await Delivery.BookSittingAsync(a)).Sitting;
        var bookedB = (await other.BookSittingAsync(b)).Sitting;

        Assert.Equal(first, bookedA.EnrolmentId);
        Assert.Equal(second, bookedB.EnrolmentId);
    }

    [Fact]
    public async Task BookSitting_TwoEnrolmentsOfOnePersonOneAfterTheOther_SecondAlreadyExists()
    {
        var number = EnrolmentRequests.NewRegistrationNumber();
        var first = await EndorsedCandidateAsync(registrationNumber: number);
        var second = await EndorsedCandidateAsync(registrationNumber: number);
        var booked = (await Delivery.BookSittingAsync(Book(first))).Sitting;

        var e = await FailsWith(StatusCode.AlreadyExists, () => Delivery.BookSittingAsync(Book(second)).ResponseAsync);

        Assert.Contains(booked.SittingId, e.Status.Detail, StringComparison.Ordinal);
        await Delivery.CancelSittingAsync(new CancelSittingRequest { SittingId = booked.SittingId });
        Assert.Equal(SittingState.Booked, (await Delivery.BookSittingAsync(Book(second))).Sitting.State);
    }

    [Fact]
    public async Task BookSitting_TwoEnrolmentsOfOnePersonConcurrently_ExactlyOneBooked()
    {
        var number = EnrolmentRequests.NewRegistrationNumber();
        var enrolments = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            enrolments.Add(await EndorsedCandidateAsync(registrationNumber: number));
        }

        var results = await Task.WhenAll(enrolments.Select(async id =>
        {
            try
            {
                await Delivery.BookSittingAsync(Book(id));
                return StatusCode.OK;
            }
            catch (RpcException e)
            {
                return e.StatusCode;
            }
        }));

        Assert.Equal(1, results.Count(r => r == StatusCode.OK));
        Assert.All(results.Where(r => r != StatusCode.OK), r => Assert.Contains(r, new[] { StatusCode.AlreadyExists, StatusCode.Aborted }));
    }

    [Fact]
    public async Task BookSitting_WithdrawalCancelledTheFirst_PersonMayBookUnderTheNewEnrolment()
    {
        var number = EnrolmentRequests.NewRegistrationNumber();
        var first = await EndorsedCandidateAsync(registrationNumber: number);
        await Delivery.BookSittingAsync(Book(first));
        await DeliverAsync(Topics.CandidateWithdrawn, Withdrawn(first));
        var second = await EndorsedCandidateAsync(registrationNumber: number);

        Assert.Equal(SittingState.Booked, (await Delivery.BookSittingAsync(Book(second))).Sitting.State);
    }

    [Fact]
    public async Task GetItem_DeliveryToken_PermissionDeniedSoKeysNeverReachDelivery()
    {
        var asDelivery = new QuestionBankService.QuestionBankServiceClient(Host.InvokerFor(null, Scopes.TestDelivery));

        await FailsWith(StatusCode.PermissionDenied, () => asDelivery.GetItemAsync(new GetItemRequest { ItemId = SampleBank.Create().Items[0].ItemId }).ResponseAsync);
    }

    [Fact]
    public async Task ImportAsync_RetireCommittedBetweenTheImportsReadAndCommit_ItemStaysRetired()
    {
        var bank = Host.Services.GetRequiredService<BankRepository>();
        var item = SampleBank.Create().Items[0];
        var (_, latestBefore) = await bank.GetLatestItemAsync(item.ItemId);
        await BankAdmin.RetireItemAsync(new RetireItemRequest { ItemId = item.ItemId });
        var next = item.Clone();
        next.Version = 2;
        next.Stem = "A revised stem";
        var command = CommandKey.For(new Caller("bank-admin", new HashSet<string>(), null), "ImportAsync", Guid.NewGuid().ToString(), next);

        Assert.True(await bank.ImportAsync([(next, latestBefore)], [], command, []));

        var latest = (await BankAdmin.GetItemAsync(new GetItemRequest { ItemId = item.ItemId })).Item;
        Assert.Equal(2, latest.Version);
        Assert.Equal(ItemStatus.Retired, latest.Status);
    }
}
