using Accreditation.Contracts.Events.V1;
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

            // Nothing can carry the event while no sidecar runs.
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
