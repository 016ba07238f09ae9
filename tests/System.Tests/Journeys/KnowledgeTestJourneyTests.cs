using Accreditation.BuildingBlocks.Auth;
using Accreditation.Cli.Bank;
using Accreditation.Contracts.Common.V1;
using Accreditation.Contracts.Events.V1;
using Accreditation.Contracts.Testing.V1;
using Accreditation.System.Tests.Support;
using Accreditation.TestSupport;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace Accreditation.System.Tests.Journeys;

/// <summary>
/// The knowledge test across services: Enrolment's events make a candidate eligible in Testing
/// (through the sidecars and the broker), the delivery API runs the sitting, and the subscriber
/// receives KnowledgeTestCompleted.
/// </summary>
[Collection(SystemGroup.Name)]
public sealed class KnowledgeTestJourneyTests(SystemUnderTest system)
{
    private TestDeliveryService.TestDeliveryServiceClient Delivery => new(system.Authorised(system.Testing, Scopes.TestDelivery, null));

    private QuestionBankService.QuestionBankServiceClient Bank => new(system.Authorised(system.Testing, Scopes.BankAdmin, null));

    /// <summary>Books as soon as Testing has heard of the endorsement (polls with a deadline while the answer is FAILED_PRECONDITION).</summary>
    private async Task<Sitting> BookWhenEligibleAsync(string enrolmentId)
    {
        var request = new BookSittingRequest
        {
            ClientRequestId = Guid.NewGuid().ToString(),
            EnrolmentId = enrolmentId,
            SlotStart = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow),
            Mode = DeliveryMode.TestCentre,
            TestCentre = "Leeds test centre",
        };
        return await Eventually.WaitForAsync(
            async () =>
            {
                try
                {
                    return (await Delivery.BookSittingAsync(request)).Sitting;
                }
                catch (RpcException e) when (e.StatusCode == StatusCode.FailedPrecondition)
                {
                    return null;
                }
            },
            sitting => sitting is not null,
            $"Testing to accept a booking for {enrolmentId}") ?? throw new InvalidOperationException("unreachable");
    }

    [Fact]
    public async Task SitKnowledgeTest_EndorsedCandidateAnswersEveryKey_PassedAndSubscriberReceivesCompletionOnce()
    {
        await Bank.ImportItemsAsync(SampleBank.Create());
        var leeds = system.EnrolmentClient(Authorities.Leeds);
        var enrolment = (await leeds.EnrolCandidateAsync(EnrolmentRequests.Enrol(Authorities.Leeds))).Enrolment;
        await leeds.EndorseEnrolmentAsync(EnrolmentRequests.Endorse(enrolment.EnrolmentId));

        var booked = await BookWhenEligibleAsync(enrolment.EnrolmentId);
        var started = await Delivery.StartSittingAsync(new StartSittingRequest { SittingId = booked.SittingId });
        var answers = new SaveAnswersRequest { SittingId = booked.SittingId };
        foreach (var item in started.Items)
        {
            var keys = (await Bank.GetItemAsync(new GetItemRequest { ItemId = item.ItemId })).Item.Keys;
            answers.Answers.Add(new Answer { Position = item.Position, SelectedOptionIds = { keys } });
        }

        await Delivery.SaveAnswersAsync(answers);
        var scored = (await Delivery.SubmitSittingAsync(new SubmitSittingRequest { SittingId = booked.SittingId })).Sitting;
        await system.WaitForEventsAsync<KnowledgeTestCompleted>(e => e.SittingId == booked.SittingId);

        Assert.Equal(30, started.Items.Count);
        Assert.Equal(AssessmentOutcome.Passed, scored.Result.Outcome);
        var completed = Assert.Single(system.Probe.Of<KnowledgeTestCompleted>(e => e.SittingId == booked.SittingId));
        Assert.Equal(enrolment.EnrolmentId, completed.Message.EnrolmentId);
        Assert.Equal(enrolment.RegistrationNumber, completed.Message.RegistrationNumber);
        Assert.Equal(Authorities.Leeds, completed.Message.Authority.GssCode);
        Assert.Equal(AssessmentOutcome.Passed, completed.Message.Outcome);
        Assert.Equal((30, 30, 1), (completed.Message.Score, completed.Message.MaxScore, completed.Message.AttemptNumber));
        Assert.Equal(completed.Message.EventId, completed.CloudEventId);
        Assert.Equal("testing", completed.Event.Source);
    }

    [Fact]
    public async Task WithdrawEnrolment_AfterBooking_TestingCancelsTheSitting()
    {
        var wigan = system.EnrolmentClient(Authorities.Wigan);
        var enrolment = (await wigan.EnrolCandidateAsync(EnrolmentRequests.Enrol(Authorities.Wigan))).Enrolment;
        await wigan.EndorseEnrolmentAsync(EnrolmentRequests.Endorse(enrolment.EnrolmentId));
        var booked = await BookWhenEligibleAsync(enrolment.EnrolmentId);

        await wigan.WithdrawEnrolmentAsync(EnrolmentRequests.Withdraw(enrolment.EnrolmentId));

        var cancelled = await Eventually.WaitForAsync(
            async () => (await Delivery.GetSittingAsync(new GetSittingRequest { SittingId = booked.SittingId })).Sitting,
            sitting => sitting.State == SittingState.Cancelled,
            "the withdrawal to cancel the sitting");
        Assert.Equal("the candidate withdrew", cancelled.CancellationReason);
        var e = await Assert.ThrowsAsync<RpcException>(() => Delivery.BookSittingAsync(new BookSittingRequest
        {
            ClientRequestId = Guid.NewGuid().ToString(),
            EnrolmentId = enrolment.EnrolmentId,
            SlotStart = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow),
            Mode = DeliveryMode.Online,
        }).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, e.StatusCode);
    }
}
