using Accreditation.BuildingBlocks.Auth;
using Accreditation.Contracts;
using Accreditation.Contracts.Events.V1;
using Accreditation.Contracts.Testing.V1;
using Accreditation.System.Tests.Support;
using Accreditation.TestSupport;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using StackExchange.Redis;

namespace Accreditation.System.Tests.Resilience;

/// <summary>
/// A consumer killed while it handles a delivery loses nothing: Testing's store is frozen so the
/// delivery of an endorsement hangs inside Testing, Testing is killed (-9) with the delivery in
/// flight, and after the restart the sidecar delivers the event again and it is applied once.
/// </summary>
[Collection(SystemGroup.Name)]
public sealed class ConsumerCrashTests(SystemUnderTest system)
{
    [Fact]
    public async Task Testing_KilledWhileHandlingAnEndorsement_AppliedOnceAfterRestart()
    {
        var testing = system.Testing;
        var oldham = system.EnrolmentClient(Authorities.Oldham);
        var enrolment = (await oldham.EnrolCandidateAsync(EnrolmentRequests.Enrol(Authorities.Oldham))).Enrolment;
        await system.WaitForEventsAsync<CandidateEnrolled>(e => e.EnrolmentId == enrolment.EnrolmentId);
        await WaitUntilTestingIdleAsync();

        testing.Store.Pause();
        try
        {
            await oldham.EndorseEnrolmentAsync(EnrolmentRequests.Endorse(enrolment.EnrolmentId));
            await system.WaitForEventsAsync<CandidateEndorsed>(e => e.EnrolmentId == enrolment.EnrolmentId);

            // Testing's sidecar has read the endorsement and is delivering it: the entry is pending in Testing's group.
            await Eventually.WaitForAsync(() => PendingForTestingAsync(Topics.CandidateEndorsed), pending => pending > 0, "Testing's delivery of the endorsement to be in flight");
            await testing.KillAsync();
        }
        finally
        {
            testing.Store.Resume();
        }

        await testing.RestartAsync(SystemUnderTest.StartTimeout);
        var delivery = new TestDeliveryService.TestDeliveryServiceClient(system.Authorised(testing, Scopes.TestDelivery, null));
        var booked = await Eventually.WaitForAsync(
            async () =>
            {
                try
                {
                    return (await delivery.BookSittingAsync(new BookSittingRequest
                    {
                        ClientRequestId = "after-crash-" + enrolment.EnrolmentId,
                        EnrolmentId = enrolment.EnrolmentId,
                        SlotStart = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow),
                        Mode = DeliveryMode.Online,
                    })).Sitting;
                }
                catch (RpcException e) when (e.StatusCode == StatusCode.FailedPrecondition)
                {
                    return null;
                }
            },
            sitting => sitting is not null,
            "the endorsement to be applied after the restart",
            TimeSpan.FromSeconds(60));

        Assert.Equal(1, booked!.AttemptNumber);
        await Eventually.WaitForAsync(() => PendingForTestingAsync(Topics.CandidateEndorsed), pending => pending == 0, "the redelivery to be acknowledged");
        var deadLetters = await system.BrokerDatabase.StreamRangeAsync(Topics.DeadLetterFor(AppIds.Testing, Topics.CandidateEndorsed));
        Assert.DoesNotContain(deadLetters, e => e.Values.Any(v => v.Value.ToString().Contains(enrolment.EnrolmentId, StringComparison.Ordinal)));
    }

    private async Task WaitUntilTestingIdleAsync() =>
        await Eventually.WaitForAsync(() => PendingForTestingAsync(Topics.CandidateEnrolled), pending => pending == 0, "Testing to finish earlier deliveries");

    private async Task<long> PendingForTestingAsync(string topic)
    {
        var db = system.BrokerDatabase;
        if (!await db.KeyExistsAsync(topic))
        {
            return 0;
        }

        var groups = await db.StreamGroupInfoAsync(topic);
        return groups.FirstOrDefault(g => g.Name == AppIds.Testing).PendingMessageCount;
    }
}
