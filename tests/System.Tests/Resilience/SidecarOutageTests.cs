using Accreditation.BuildingBlocks.Auth;
using Accreditation.Contracts.Events.V1;
using Accreditation.Contracts.Operations.V1;
using Accreditation.System.Tests.Support;
using Accreditation.TestSupport;

namespace Accreditation.System.Tests.Resilience;

/// <summary>Enrolment keeps working while its sidecar is gone; the outbox publishes once the sidecar is back.</summary>
[Collection(SystemGroup.Name)]
public sealed class SidecarOutageTests(SystemUnderTest system)
{
    [Fact]
    public async Task EnrolCandidate_WhileSidecarIsDown_SucceedsAndEventArrivesOnceAfterRestart()
    {
        var sidecar = system.Enrolment.Sidecar;
        var bury = system.EnrolmentClient(Authorities.Bury);
        var request = EnrolmentRequests.Enrol(Authorities.Bury);
        await sidecar.KillAsync();
        try
        {
            var enrolled = (await bury.EnrolCandidateAsync(request)).Enrolment;

            // The outage makes the outbox try, fail and keep the entry: Enrolment logs a failed round
            // and its operator API still counts the event as pending, not published.
            await system.WaitUntilAsync(() => system.Enrolment.Output.Lines().Any(l => l.Contains("Outbox round failed", StringComparison.Ordinal)), "Enrolment's outbox to fail a round against the missing sidecar");
            var status = await new OutboxAdminService.OutboxAdminServiceClient(system.AuthorisedAs(system.Enrolment, "operator", Scopes.Operations))
                .GetOutboxStatusAsync(new GetOutboxStatusRequest());
            Assert.True(status.Pending >= 1, $"pending {status.Pending}");
            Assert.Empty(system.Probe.Of<CandidateEnrolled>(e => e.RegistrationNumber == request.RegistrationNumber));
            sidecar.Start();
            await sidecar.WaitHealthyAsync(SystemUnderTest.StartTimeout);

            await system.WaitForEventsAsync<CandidateEnrolled>(e => e.RegistrationNumber == request.RegistrationNumber);
            await system.DrainEnrolmentEventsAsync();
            var delivery = Assert.Single(system.Probe.Of<CandidateEnrolled>(e => e.RegistrationNumber == request.RegistrationNumber));
            Assert.Equal(enrolled.EnrolmentId, delivery.Message.EnrolmentId);
            Assert.Equal(delivery.Message.EventId, delivery.CloudEventId);
        }
        finally
        {
            if (!sidecar.IsRunning)
            {
                await sidecar.RestartAsync(SystemUnderTest.StartTimeout);
            }
        }
    }
}
