using Accreditation.Contracts.Events.V1;
using Accreditation.System.Tests.Support;
using Accreditation.TestSupport;

namespace Accreditation.System.Tests.Resilience;

/// <summary>
/// Enrolment killed without warning right after committing changes: what was committed is
/// published after the restart. Delivery is at-least-once: an entry published just before the
/// kill but not yet marked done is published again, with the same CloudEvent id, which is what
/// idempotent consumers key on.
/// </summary>
[Collection(SystemGroup.Name)]
public sealed class ServiceCrashTests(SystemUnderTest system)
{
    private const int Candidates = 6;

    [Fact]
    public async Task EnrolCandidate_ServiceKilledBetweenCommitAndPublish_EveryEventArrivesAndRepeatsKeepTheirId()
    {
        var service = system.Enrolment;
        var leeds = system.EnrolmentClient(Authorities.Leeds);
        var requests = Enumerable.Range(0, Candidates).Select(_ => EnrolmentRequests.Enrol(Authorities.Leeds)).ToList();
        var numbers = requests.Select(r => r.RegistrationNumber).ToHashSet(StringComparer.Ordinal);
        var enrolmentIds = new List<string>();
        // A frozen sidecar holds every publish open, so the kill lands after the commits and before their publish.
        service.Sidecar.Pause();
        try
        {
            enrolmentIds.AddRange(await Task.WhenAll(requests.Select(async r => (await leeds.EnrolCandidateAsync(r)).Enrolment.EnrolmentId)));
            await using (var store = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(service.Store.ConnectionString))
            {
                Assert.Equal(Candidates, await store.GetDatabase().SortedSetLengthAsync("enrolment:outbox:pending"));
            }

            await service.KillAsync();
            service.Sidecar.Resume();
            await service.RestartAsync(SystemUnderTest.StartTimeout);

            await system.WaitForEventsAsync<CandidateEnrolled>(e => numbers.Contains(e.RegistrationNumber), Candidates);
            await system.DrainEnrolmentEventsAsync();
        }
        finally
        {
            if (service.Sidecar.IsRunning)
            {
                service.Sidecar.Resume();
            }

            if (!service.IsRunning)
            {
                await service.RestartAsync(SystemUnderTest.StartTimeout);
            }
        }

        // The committed state survived the crash.
        foreach (var id in enrolmentIds)
        {
            Assert.Equal(id, (await leeds.GetEnrolmentAsync(new() { EnrolmentId = id })).Enrolment.EnrolmentId);
        }

        var deliveries = system.Probe.Of<CandidateEnrolled>(e => numbers.Contains(e.RegistrationNumber));
        var byEnrolment = deliveries.GroupBy(d => d.Message.EnrolmentId).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        Assert.Equal(enrolmentIds.Order(StringComparer.Ordinal), byEnrolment.Keys.Order(StringComparer.Ordinal));
        Assert.All(byEnrolment.Values, repeats =>
        {
            Assert.Single(repeats.Select(d => d.CloudEventId).Distinct());
            Assert.All(repeats, d => Assert.Equal(d.Message.EventId, d.CloudEventId));
        });
    }

    [Fact]
    public async Task EnrolCandidate_ServiceKilledWhileSidecarIsDown_NextProcessPublishesEachEventOnce()
    {
        var service = system.Enrolment;
        var wigan = system.EnrolmentClient(Authorities.Wigan);
        var requests = Enumerable.Range(0, 3).Select(_ => EnrolmentRequests.Enrol(Authorities.Wigan)).ToList();
        var numbers = requests.Select(r => r.RegistrationNumber).ToHashSet(StringComparer.Ordinal);
        var enrolmentIds = new List<string>();
        await service.Sidecar.KillAsync();
        try
        {
            // Committed with their outbox entries; nothing can publish them while the sidecar is gone.
            foreach (var request in requests)
            {
                enrolmentIds.Add((await wigan.EnrolCandidateAsync(request)).Enrolment.EnrolmentId);
            }

            await service.KillAsync();
            service.Sidecar.Start();
            await service.RestartAsync(SystemUnderTest.StartTimeout);
            await service.Sidecar.WaitHealthyAsync(SystemUnderTest.StartTimeout);

            await system.WaitForEventsAsync<CandidateEnrolled>(e => numbers.Contains(e.RegistrationNumber), requests.Count);
            await system.DrainEnrolmentEventsAsync();
        }
        finally
        {
            if (!service.Sidecar.IsRunning)
            {
                await service.Sidecar.RestartAsync(SystemUnderTest.StartTimeout);
            }

            if (!service.IsRunning)
            {
                await service.RestartAsync(SystemUnderTest.StartTimeout);
            }
        }

        var deliveries = system.Probe.Of<CandidateEnrolled>(e => numbers.Contains(e.RegistrationNumber));
        Assert.Equal(enrolmentIds.Order(StringComparer.Ordinal), deliveries.Select(d => d.Message.EnrolmentId).Order(StringComparer.Ordinal));
        Assert.All(deliveries, d => Assert.Equal(d.Message.EventId, d.CloudEventId));
    }
}
