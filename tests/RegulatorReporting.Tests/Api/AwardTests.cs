using Accreditation.Contracts;
using Accreditation.Contracts.Events.V1;
using Accreditation.Contracts.Reporting.V1;
using Accreditation.TestSupport;
using Google.Protobuf;
using Microsoft.Extensions.DependencyInjection;

namespace Accreditation.RegulatorReporting.Tests.Api;

[Collection(RedisGroup.Name)]
public sealed class AwardTests(RedisFixture redis) : ReportingApiTestBase(redis)
{
    [Fact]
    public async Task Deliver_BothComponentsPassed_AwardPublishedThroughTheOutbox()
    {
        var c = await AccreditedAsync(practiceDay: 20);

        var award = await AwardsAsync(1);

        Assert.Equal((c.EnrolmentId, c.RegistrationNumber, c.Role, Day(20)), (award[0].EnrolmentId, award[0].RegistrationNumber, award[0].Role, award[0].AccreditedAt));
        Assert.Equal(Bury, award[0].Authority);
        Assert.Equal(AccreditationStatus.Accredited, (await StatusAsync(c.RegistrationNumber)).Status);
    }

    [Fact]
    public async Task Deliver_EveryEventTwiceInReverseOrder_OneAwardSameState()
    {
        var c = new Candidate(EnrolmentRequests.NewRegistrationNumber());
        List<(string Topic, IMessage Message)> events =
        [
            (Topics.CandidateEnrolled, c.Enrolled()),
            (Topics.CandidateEndorsed, c.Endorsed()),
            (Topics.KnowledgeTestCompleted, c.KnowledgeTest(10, true)),
            (Topics.SimulatedPracticeCompleted, c.SimulatedPractice(20, true)),
            (Topics.CandidateWithdrawn, c.Withdrawn(30)),
        ];
        events.Reverse();
        foreach (var (topic, message) in events.Concat(events))
        {
            var (http, body) = await DeliverAsync(topic, message);
            Assert.Equal(200, http);
            Assert.Contains("SUCCESS", body, StringComparison.Ordinal);
        }

        var awards = await AwardsAsync(1);
        var recorded = c.Recorded(20, accepted: true);
        await DeliverAsync(recorded);
        await DeliverAsync(recorded);
        await DeliverAsync(c.Moved(40, Wigan));

        Assert.Equal(Day(20), awards.Single().AccreditedAt);
        Assert.Single(Host.Transport.PublishedTo(Topics.AccreditationAwarded));
        var status = await StatusAsync(c.RegistrationNumber);
        Assert.Equal((AccreditationStatus.Accredited, Day(20)), (status.Roles.Single().Status, status.Roles.Single().AccreditedAt));
    }

    [Fact]
    public async Task Deliver_WithdrawnBeforeTheLaterPass_NotAccreditedNoAward()
    {
        var c = new Candidate(EnrolmentRequests.NewRegistrationNumber());
        await DeliverAsync(c.Enrolled());
        await DeliverAsync(c.Endorsed());
        await DeliverAsync(c.KnowledgeTest(10, true));
        await DeliverAsync(c.Withdrawn(15));
        await DeliverAsync(c.SimulatedPractice(20, true));

        Assert.Equal(AccreditationStatus.NotAccredited, (await StatusAsync(c.RegistrationNumber)).Status);
        Assert.Empty(Host.Transport.PublishedTo(Topics.AccreditationAwarded));
    }

    [Fact]
    public async Task Deliver_AwardNotYetConfirmed_NotAccreditedUntilAccepted()
    {
        var c = new Candidate(EnrolmentRequests.NewRegistrationNumber());
        await DeliverAsync(c.Enrolled());
        await DeliverAsync(c.Endorsed());
        await DeliverAsync(c.KnowledgeTest(10, true));
        await DeliverAsync(c.SimulatedPractice(20, true));
        await AwardsAsync(1);

        var pending = await StatusAsync(c.RegistrationNumber);
        var feedBefore = (await ChangesAsync()).Where(ch => ch.Entry is not null).Select(ch => ch.Entry).ToList();
        await DeliverAsync(c.Recorded(20, accepted: true));
        var confirmed = await StatusAsync(c.RegistrationNumber);
        var feedAfter = (await ChangesAsync()).Where(ch => ch.Entry is not null).Select(ch => ch.Entry).ToList();

        Assert.Equal((AccreditationStatus.NotAccredited, (Google.Protobuf.WellKnownTypes.Timestamp?)null), (pending.Status, pending.Roles.Single().AccreditedAt));
        Assert.DoesNotContain(feedBefore, e => e.Status == AccreditationStatus.Accredited);
        Assert.Equal((AccreditationStatus.Accredited, Day(20)), (confirmed.Roles.Single().Status, confirmed.Roles.Single().AccreditedAt));
        Assert.Equal((AccreditationStatus.Accredited, Day(20)), (feedAfter[^1].Status, feedAfter[^1].AccreditedAt));
        Assert.Equal(feedBefore.Count + 1, feedAfter.Count);
    }

    [Fact]
    public async Task Deliver_WithdrawalBeforeThePassArrivingAfterIt_DeclinedNeverAccredited()
    {
        var c = new Candidate(EnrolmentRequests.NewRegistrationNumber());
        await DeliverAsync(c.Enrolled());
        await DeliverAsync(c.Endorsed());
        await DeliverAsync(c.KnowledgeTest(10, true));
        await DeliverAsync(c.SimulatedPractice(20, true));
        await AwardsAsync(1);
        var declined = c.Recorded(20, accepted: false);

        await DeliverAsync(declined);
        await DeliverAsync(c.Withdrawn(15));
        await DeliverAsync(declined);
        await DeliverAsync(c.Recorded(20, accepted: true));
        await DeliverAsync(c.Moved(40, Wigan));

        var status = await StatusAsync(c.RegistrationNumber);
        Assert.Equal(AccreditationStatus.NotAccredited, status.Roles.Single().Status);
        Assert.DoesNotContain((await ChangesAsync()).Where(ch => ch.Entry is not null), ch => ch.Entry.Status == AccreditationStatus.Accredited);
        Assert.Single(Host.Transport.PublishedTo(Topics.AccreditationAwarded));
        var award = await Host.Services.GetRequiredService<Infrastructure.ReportingStore>().GetAwardAsync(c.EnrolmentId);
        Assert.Equal(RegulatorReporting.Domain.AwardStatus.Declined, award!.Value.Status);
    }

    [Fact]
    public async Task Deliver_KnowledgePassedBeforeReEnrolmentPracticeAfter_AwardNamesTheNewEnrolment()
    {
        var registrationNumber = EnrolmentRequests.NewRegistrationNumber();
        var first = new Candidate(registrationNumber);
        var second = new Candidate(registrationNumber, authority: Wigan);
        List<(string Topic, IMessage Message)> events =
        [
            (Topics.CandidateEnrolled, first.Enrolled(0)),
            (Topics.CandidateEndorsed, first.Endorsed(1)),
            (Topics.KnowledgeTestCompleted, first.KnowledgeTest(10, true)),
            (Topics.CandidateWithdrawn, first.Withdrawn(12)),
            (Topics.CandidateEnrolled, second.Enrolled(13)),
            (Topics.CandidateEndorsed, second.Endorsed(14)),
            (Topics.SimulatedPracticeCompleted, second.SimulatedPractice(20, true)),
        ];
        events.Reverse();
        foreach (var (topic, message) in events.Concat(events))
        {
            await DeliverAsync(topic, message);
        }

        var award = Assert.Single(await AwardsAsync(1));
        var pending = await StatusAsync(registrationNumber);
        await DeliverAsync(second.Recorded(20, accepted: true));
        var status = await StatusAsync(registrationNumber);

        Assert.Equal((second.EnrolmentId, Day(20), Wigan), (award.EnrolmentId, award.AccreditedAt, award.Authority));
        Assert.Equal(AccreditationStatus.NotAccredited, pending.Status);
        Assert.Equal((AccreditationStatus.Accredited, Day(20)), (status.Roles.Single().Status, status.Roles.Single().AccreditedAt));
        Assert.Single(Host.Transport.PublishedTo(Topics.AccreditationAwarded));
    }

    [Fact]
    public async Task Deliver_DeclinedWhileTheCurrentEnrolmentQualifies_AwardNamesTheCurrentEnrolment()
    {
        var registrationNumber = EnrolmentRequests.NewRegistrationNumber();
        var first = new Candidate(registrationNumber);
        var second = new Candidate(registrationNumber, authority: Wigan);
        await DeliverAsync(first.Enrolled(0));
        await DeliverAsync(first.Endorsed(1));
        await DeliverAsync(first.KnowledgeTest(10, true));
        await DeliverAsync(first.SimulatedPractice(20, true));
        var firstAward = Assert.Single(await AwardsAsync(1));
        await DeliverAsync(first.Withdrawn(15));
        await DeliverAsync(second.Enrolled(16));
        await DeliverAsync(second.Endorsed(17));

        await DeliverAsync(first.Recorded(20, accepted: false));
        var awards = await AwardsAsync(2);
        await DeliverAsync(second.Recorded(20, accepted: true));

        Assert.Equal(first.EnrolmentId, firstAward.EnrolmentId);
        Assert.Equal((second.EnrolmentId, Day(20)), (awards[1].EnrolmentId, awards[1].AccreditedAt));
        var status = await StatusAsync(registrationNumber);
        Assert.Equal((AccreditationStatus.Accredited, Day(20)), (status.Roles.Single().Status, status.Roles.Single().AccreditedAt));
    }

    [Fact]
    public async Task Deliver_PoisonEvent_DroppedToDeadLetter()
    {
        var c = new Candidate(EnrolmentRequests.NewRegistrationNumber());
        var enrolled = c.Enrolled();
        enrolled.RegistrationNumber = "not a number";

        var (http, body) = await DeliverAsync(Topics.CandidateEnrolled, enrolled);

        Assert.Equal(200, http);
        Assert.Contains("DROP", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deliver_EqualityMonitoring_KeptApartNeverInTheRegister()
    {
        var c = await InProgressAsync();
        await DeliverAsync(Topics.EqualityMonitoringRecorded, new EqualityMonitoringRecorded
        {
            EventId = Guid.NewGuid().ToString(),
            OccurredAt = Day(0),
            EnrolmentId = c.EnrolmentId,
            RegistrationNumber = c.RegistrationNumber,
            Role = c.Role,
            Authority = Bury,
            EqualityMonitoring = new Contracts.Enrolment.V1.EqualityMonitoring { AgeBand = Contracts.Enrolment.V1.AgeBand._30To39, Sex = Contracts.Enrolment.V1.Sex.Female },
        });

        var stored = await Host.Services.GetRequiredService<Infrastructure.ReportingStore>().GetEqualityAsync(c.EnrolmentId);

        Assert.Equal("AGE_BAND_30_TO_39", stored!.Value.AgeBand);
        Assert.DoesNotContain("AGE_BAND", (await StatusAsync(c.RegistrationNumber)).ToString(), StringComparison.Ordinal);
    }

    private async Task<IReadOnlyList<AccreditationAwarded>> AwardsAsync(int expected)
    {
        var published = await Eventually.WaitForAsync(
            () => Task.FromResult(Host.Transport.PublishedTo(Topics.AccreditationAwarded)),
            p => p.Count >= expected,
            $"{expected} accreditation awarded events");
        return published.Select(m => JsonParser.Default.Parse<AccreditationAwarded>(m.Json)).ToList();
    }
}
