using System.Net.Http.Headers;
using System.Text;
using Accreditation.BuildingBlocks.Inbox;
using Accreditation.Contracts;
using Accreditation.Contracts.Enrolment.V1;
using Accreditation.Contracts.Events.V1;
using Accreditation.Enrolment.Application;
using Accreditation.TestSupport;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;

namespace Accreditation.Enrolment.Tests.Api;

/// <summary>Enrolment hears reporting.accreditation-awarded (delivered as the sidecar delivers it) and refuses a withdrawal after it.</summary>
[Collection(RedisGroup.Name)]
public sealed class AccreditationAwardedTests(RedisFixture redis) : ApiTestBase(redis)
{
    private static readonly Timestamp AccreditedAt = Timestamp.FromDateTimeOffset(new DateTimeOffset(2026, 10, 1, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Deliver_Award_HrViewShowsAccreditedWithItsDate()
    {
        var (client, enrolment) = await EndorsedAsync();

        var (http, body) = await DeliverAsync(Award(enrolment));

        Assert.Equal(200, http);
        Assert.Contains("SUCCESS", body, StringComparison.Ordinal);
        var shown = (await client.GetEnrolmentAsync(new GetEnrolmentRequest { EnrolmentId = enrolment.EnrolmentId })).Enrolment;
        Assert.Equal(AccreditedAt, shown.Accreditation.AccreditedAt);
        Assert.Equal(EnrolmentState.Endorsed, shown.State);
        Assert.Equal(enrolment.Version + 1, shown.Version);
    }

    [Fact]
    public async Task Deliver_SameAwardTwiceAndAnotherAward_RecordedOnce()
    {
        var (client, enrolment) = await EndorsedAsync();
        var award = Award(enrolment);

        await DeliverAsync(award);
        await DeliverAsync(award);
        var again = Award(enrolment);
        again.AccreditedAt = Timestamp.FromDateTimeOffset(AccreditedAt.ToDateTimeOffset().AddDays(3));
        await DeliverAsync(again);

        var shown = (await client.GetEnrolmentAsync(new GetEnrolmentRequest { EnrolmentId = enrolment.EnrolmentId })).Enrolment;
        Assert.Equal((enrolment.Version + 1, AccreditedAt), (shown.Version, shown.Accreditation.AccreditedAt));
        Assert.True(await Host.Services.GetRequiredService<IdempotentConsumer>().WasProcessedAsync(AccreditationAwardedConsumer.ConsumerName, award.EventId));
    }

    [Fact]
    public async Task WithdrawEnrolment_AfterAccreditation_FailedPreconditionAndNoEvent()
    {
        var (client, enrolment) = await EndorsedAsync();
        await DeliverAsync(Award(enrolment));

        var e = await FailsWith(StatusCode.FailedPrecondition, () => client.WithdrawEnrolmentAsync(EnrolmentRequests.Withdraw(enrolment.EnrolmentId)).ResponseAsync);

        Assert.Contains("accredited", e.Status.Detail, StringComparison.Ordinal);
        Assert.Empty(Host.Transport.PublishedTo(Topics.CandidateWithdrawn));
    }

    [Fact]
    public async Task Deliver_AwardAfterALaterWithdrawal_RecordedStateKept()
    {
        var (client, enrolment) = await EndorsedAsync();
        await client.WithdrawEnrolmentAsync(EnrolmentRequests.Withdraw(enrolment.EnrolmentId));

        await DeliverAsync(Award(enrolment));

        var shown = (await client.GetEnrolmentAsync(new GetEnrolmentRequest { EnrolmentId = enrolment.EnrolmentId })).Enrolment;
        Assert.Equal((EnrolmentState.Withdrawn, AccreditedAt), (shown.State, shown.Accreditation.AccreditedAt));
    }

    [Fact]
    public async Task Deliver_Award_PublishesAccreditationRecordedAccepted()
    {
        var (_, enrolment) = await EndorsedAsync();
        var award = Award(enrolment);

        await DeliverAsync(award);
        await DeliverAsync(award);
        var again = Award(enrolment);
        await DeliverAsync(again);

        var answer = Assert.Single(await AnswersAsync());
        Assert.Equal((enrolment.EnrolmentId, enrolment.RegistrationNumber, enrolment.Role, AccreditedAt, true, ""), (answer.EnrolmentId, answer.RegistrationNumber, answer.Role, answer.AccreditedAt, answer.Accepted, answer.Reason));
        Assert.Equal(AccreditationAwardedConsumer.AnswerId(award.EventId), answer.EventId);
    }

    [Fact]
    public async Task Deliver_AwardForAnEnrolmentWithdrawnBeforeIt_DeclinedNothingRecorded()
    {
        var (client, enrolment) = await EndorsedAsync();
        var withdrawn = (await client.WithdrawEnrolmentAsync(EnrolmentRequests.Withdraw(enrolment.EnrolmentId))).Enrolment;
        var award = Award(enrolment);
        award.AccreditedAt = Timestamp.FromDateTimeOffset(withdrawn.Withdrawal.WithdrawnAt.ToDateTimeOffset().AddDays(1));

        var (http, body) = await DeliverAsync(award);

        Assert.Equal(200, http);
        Assert.Contains("SUCCESS", body, StringComparison.Ordinal);
        var answer = Assert.Single(await AnswersAsync());
        Assert.Equal((enrolment.EnrolmentId, false, award.AccreditedAt), (answer.EnrolmentId, answer.Accepted, answer.AccreditedAt));
        Assert.Contains("withdrawn", answer.Reason, StringComparison.Ordinal);
        var shown = (await client.GetEnrolmentAsync(new GetEnrolmentRequest { EnrolmentId = enrolment.EnrolmentId })).Enrolment;
        Assert.Equal((EnrolmentState.Withdrawn, withdrawn.Version, (AccreditationAward?)null), (shown.State, shown.Version, shown.Accreditation));
    }

    [Fact]
    public async Task Deliver_AwardForUnknownEnrolment_Dropped()
    {
        var (_, body) = await DeliverAsync(new AccreditationAwarded { EventId = Guid.NewGuid().ToString(), EnrolmentId = Guid.NewGuid().ToString(), AccreditedAt = AccreditedAt });

        Assert.Contains("DROP", body, StringComparison.Ordinal);
    }

    private async Task<(EnrolmentService.EnrolmentServiceClient Client, Contracts.Enrolment.V1.Enrolment Enrolment)> EndorsedAsync()
    {
        var client = Host.ClientFor(Authorities.Bury);
        var enrolment = (await client.EnrolCandidateAsync(EnrolmentRequests.Enrol(Authorities.Bury))).Enrolment;
        return (client, (await client.EndorseEnrolmentAsync(EnrolmentRequests.Endorse(enrolment.EnrolmentId))).Enrolment);
    }

    private static AccreditationAwarded Award(Contracts.Enrolment.V1.Enrolment enrolment) => new()
    {
        EventId = Guid.NewGuid().ToString(),
        OccurredAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow),
        EnrolmentId = enrolment.EnrolmentId,
        RegistrationNumber = enrolment.RegistrationNumber,
        Role = enrolment.Role,
        Authority = enrolment.EmployingAuthority,
        AccreditedAt = AccreditedAt,
    };

    private async Task<IReadOnlyList<AccreditationRecorded>> AnswersAsync()
    {
        var published = await Eventually.WaitForAsync(
            () => Task.FromResult(Host.Transport.PublishedTo(Topics.AccreditationRecorded)),
            p => p.Count >= 1,
            "an accreditation recorded event");
        return published.Select(m => JsonParser.Default.Parse<AccreditationRecorded>(m.Json)).ToList();
    }

    private async Task<(int Http, string Body)> DeliverAsync(AccreditationAwarded message)
    {
        var envelope = $$"""
            {"specversion":"1.0","id":"{{message.EventId}}","source":"reporting","type":"{{AccreditationAwarded.Descriptor.FullName}}","datacontenttype":"application/json","topic":"{{Topics.AccreditationAwarded}}","pubsubname":"pubsub","data":{{JsonFormatter.Default.Format(message)}}}
            """;
        using var content = new StringContent(envelope, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/cloudevents+json");
        using var response = await Host.Http.PostAsync(new Uri("/events/" + Topics.AccreditationAwarded, UriKind.Relative), content);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
