using Accreditation.TestSupport;
using Accreditation.Contracts.Enrolment.V1;
using Accreditation.Contracts.Events.V1;
using Accreditation.System.Tests.Probe;

namespace Accreditation.System.Tests.Support;

/// <summary>
/// Waits until everything Enrolment published so far has reached the probe: a marker candidate
/// goes through every step (one event on every enrolment topic) and the drain waits for all of
/// the marker's events. The outbox publishes oldest first, so by then every earlier event was
/// published and read from its topic stream; only then may a test assert "exactly once".
/// </summary>
public static class EventDrain
{
    public static async Task DrainEnrolmentEventsAsync(this SystemUnderTest system)
    {
        ArgumentNullException.ThrowIfNull(system);
        var bury = system.EnrolmentClient(Authorities.Bury);
        var request = EnrolmentRequests.Enrol(Authorities.Bury, equalityMonitoring: new EqualityMonitoring { AgeBand = AgeBand._30To39 });
        var id = (await bury.EnrolCandidateAsync(request)).Enrolment.EnrolmentId;
        await bury.EndorseEnrolmentAsync(EnrolmentRequests.Endorse(id));
        await bury.MoveEnrolmentAsync(EnrolmentRequests.Move(id, Authorities.Wigan));
        await system.EnrolmentClient(Authorities.Wigan).WithdrawEnrolmentAsync(EnrolmentRequests.Withdraw(id));
        await system.WaitUntilAsync(
            () => Arrived<CandidateEnrolled>(system.Probe, e => e.EnrolmentId == id)
                && Arrived<EqualityMonitoringRecorded>(system.Probe, e => e.EnrolmentId == id)
                && Arrived<CandidateEndorsed>(system.Probe, e => e.EnrolmentId == id)
                && Arrived<CandidateMoved>(system.Probe, e => e.EnrolmentId == id)
                && Arrived<CandidateWithdrawn>(system.Probe, e => e.EnrolmentId == id),
            $"the drain marker {request.RegistrationNumber}'s events on every enrolment topic");
    }

    private static bool Arrived<T>(ProbeSubscriber probe, Func<T, bool> where)
        where T : Google.Protobuf.IMessage<T> => probe.Of(where).Count > 0;
}
