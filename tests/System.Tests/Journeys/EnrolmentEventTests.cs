using Accreditation.Contracts.Events.V1;
using Accreditation.System.Tests.Support;
using Accreditation.TestSupport;

namespace Accreditation.System.Tests.Journeys;

/// <summary>Council HR journeys through Enrolment's public gRPC API, asserted on what a downstream subscriber received.</summary>
[Collection(SystemGroup.Name)]
public sealed class EnrolmentEventTests(SystemUnderTest system)
{
    [Fact]
    public async Task EnrolEndorseWithdraw_OneCandidate_PublishedInVersionOrderAndReceivedOnceWithTheirVersions()
    {
        var bury = system.EnrolmentClient(Authorities.Bury);
        var request = EnrolmentRequests.Enrol(Authorities.Bury);

        var enrolled = (await bury.EnrolCandidateAsync(request)).Enrolment;
        await bury.EndorseEnrolmentAsync(EnrolmentRequests.Endorse(enrolled.EnrolmentId));
        var withdrawn = (await bury.WithdrawEnrolmentAsync(EnrolmentRequests.Withdraw(enrolled.EnrolmentId))).Enrolment;
        var id = enrolled.EnrolmentId;
        await system.WaitForEventsAsync<CandidateWithdrawn>(e => e.EnrolmentId == id);
        await system.DrainEnrolmentEventsAsync();

        var enrolledEvent = Assert.Single(system.Probe.Of<CandidateEnrolled>(e => e.EnrolmentId == id));
        var endorsedEvent = Assert.Single(system.Probe.Of<CandidateEndorsed>(e => e.EnrolmentId == id));
        var withdrawnEvent = Assert.Single(system.Probe.Of<CandidateWithdrawn>(e => e.EnrolmentId == id));
        Assert.Equal(
            [(Contracts.Topics.CandidateEnrolled, 1L), (Contracts.Topics.CandidateEndorsed, 2L), (Contracts.Topics.CandidateWithdrawn, 3L)],
            [
                (enrolledEvent.Event.Topic, enrolledEvent.Message.EnrolmentVersion),
                (endorsedEvent.Event.Topic, endorsedEvent.Message.EnrolmentVersion),
                (withdrawnEvent.Event.Topic, withdrawnEvent.Message.EnrolmentVersion),
            ]);
        Assert.Equal(withdrawn.Version, withdrawnEvent.Message.EnrolmentVersion);

        // Each topic is its own stream, so a subscriber may receive them in any order (it orders by
        // version); what the outbox guarantees is the publish order, which the broker's stream
        // entry ids (milliseconds when the sidecar added them) show.
        var published = new List<long>();
        foreach (var delivery in new[] { enrolledEvent.Event, endorsedEvent.Event, withdrawnEvent.Event })
        {
            var entries = await system.BrokerDatabase.StreamRangeAsync(delivery.Topic);
            var entry = entries.Single(e => e.Values.Any(v => v.Name == "data" && v.Value.ToString().Contains(delivery.CloudEventId, StringComparison.Ordinal)));
            published.Add(long.Parse(entry.Id.ToString().Split('-')[0], global::System.Globalization.CultureInfo.InvariantCulture));
        }

        Assert.True(published[0] <= published[1] && published[1] <= published[2], $"published at {string.Join(", ", published)} ms");

        // The CloudEvent id is the event's own id, and the source is the publishing app.
        Assert.Equal(enrolledEvent.Message.EventId, enrolledEvent.CloudEventId);
        Assert.Equal(endorsedEvent.Message.EventId, endorsedEvent.CloudEventId);
        Assert.Equal(withdrawnEvent.Message.EventId, withdrawnEvent.CloudEventId);
        Assert.All([enrolledEvent.Event, endorsedEvent.Event, withdrawnEvent.Event], e => Assert.Equal("enrolment", e.Source));
        Assert.Equal(3, new[] { enrolledEvent.CloudEventId, endorsedEvent.CloudEventId, withdrawnEvent.CloudEventId }.Distinct().Count());
        Assert.Equal(CandidateEnrolled.Descriptor.FullName, enrolledEvent.Event.Type);

        // The payload says who and where.
        Assert.Equal(request.RegistrationNumber, enrolledEvent.Message.RegistrationNumber);
        Assert.Equal(Authorities.Bury, enrolledEvent.Message.Authority.GssCode);
        Assert.Equal("351", enrolledEvent.Message.Authority.LaNumber);
        Assert.Equal("phase-1", enrolledEvent.Message.Phase);
        Assert.True(enrolledEvent.Message.FilmingConsent);
        Assert.Equal("Personal circumstances", withdrawnEvent.Message.Reason);
        Assert.Empty(system.Probe.Rejected);
    }

    [Fact]
    public async Task MoveEnrolment_ToAnotherPhaseAuthority_SubscriberReceivesCandidateMovedFromAndTo()
    {
        var leeds = system.EnrolmentClient(Authorities.Leeds);
        var enrolled = (await leeds.EnrolCandidateAsync(EnrolmentRequests.Enrol(Authorities.Leeds))).Enrolment;

        var moved = (await leeds.MoveEnrolmentAsync(EnrolmentRequests.Move(enrolled.EnrolmentId, Authorities.Wigan))).Enrolment;
        await system.WaitForEventsAsync<CandidateMoved>(e => e.EnrolmentId == enrolled.EnrolmentId);
        await system.DrainEnrolmentEventsAsync();

        var delivery = Assert.Single(system.Probe.Of<CandidateMoved>(e => e.EnrolmentId == enrolled.EnrolmentId));
        Assert.Equal(Authorities.Leeds, delivery.Message.FromAuthority.GssCode);
        Assert.Equal("Leeds", delivery.Message.FromAuthority.Name);
        Assert.Equal(Authorities.Wigan, delivery.Message.Authority.GssCode);
        Assert.Equal("359", delivery.Message.Authority.LaNumber);
        Assert.Equal(moved.Version, delivery.Message.EnrolmentVersion);
        Assert.Equal(enrolled.RegistrationNumber, delivery.Message.RegistrationNumber);
        Assert.Equal(delivery.Message.EventId, delivery.CloudEventId);
        Assert.Equal("enrolment", delivery.Event.Source);

        // Afterwards the new employer sees the enrolment.
        var seen = (await system.EnrolmentClient(Authorities.Wigan).GetEnrolmentAsync(new() { EnrolmentId = enrolled.EnrolmentId })).Enrolment;
        Assert.Equal(Authorities.Wigan, seen.EmployingAuthority.GssCode);
    }

    [Fact]
    public async Task EnrolCandidate_SameClientRequestIdThreeTimes_OneEnrolmentAndOneEventDelivered()
    {
        var wigan = system.EnrolmentClient(Authorities.Wigan);
        var request = EnrolmentRequests.Enrol(Authorities.Wigan);

        var ids = new List<string>();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            ids.Add((await wigan.EnrolCandidateAsync(request)).Enrolment.EnrolmentId);
        }

        await system.WaitForEventsAsync<CandidateEnrolled>(e => e.RegistrationNumber == request.RegistrationNumber);
        await system.DrainEnrolmentEventsAsync();

        var id = Assert.Single(ids.Distinct());
        var listed = (await wigan.ListEnrolmentsAsync(new() { Page = new() { PageSize = 500 } })).Enrolments;
        Assert.Single(listed, e => e.RegistrationNumber == request.RegistrationNumber);
        var delivery = Assert.Single(system.Probe.Of<CandidateEnrolled>(e => e.RegistrationNumber == request.RegistrationNumber));
        Assert.Equal(id, delivery.Message.EnrolmentId);
    }
}
