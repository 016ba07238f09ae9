using Accreditation.BuildingBlocks.Auth;
using Accreditation.Contracts;
using Accreditation.Contracts.Operations.V1;
using Accreditation.TestSupport;
using Grpc.Core;

namespace Accreditation.Enrolment.Tests.Api;

/// <summary>An event the sidecar refuses for good is parked, listed and requeued by an operator through the service's API.</summary>
[Collection(RedisGroup.Name)]
public sealed class OutboxAdminTests(RedisFixture redis)
{
    [Fact]
    public async Task ParkedEntry_ListedAndRequeuedByAnOperator_PublishedOnce()
    {
        var transport = new RecordingTransport();
        transport.Refuse(Topics.CandidateEnrolled);
        await using var host = await EnrolmentTestHost.StartAsync(redis, RedisFixture.NewKeyPrefix("outbox-admin"), transport, new Dictionary<string, string?> { ["Outbox:MaxRefusals"] = "2" });
        var admin = new OutboxAdminService.OutboxAdminServiceClient(host.InvokerAs("operator", null, Scopes.Operations));
        var enrolment = (await host.ClientFor(Authorities.Bury).EnrolCandidateAsync(EnrolmentRequests.Enrol(Authorities.Bury))).Enrolment;

        var parked = await Eventually.WaitForAsync(async () => (await admin.ListParkedEntriesAsync(new ListParkedEntriesRequest())).Entries, e => e.Count == 1, "the refused event to be parked");
        var status = await admin.GetOutboxStatusAsync(new GetOutboxStatusRequest());
        transport.Accept(Topics.CandidateEnrolled);
        await admin.RequeueParkedEntryAsync(new RequeueParkedEntryRequest { EntryId = parked[0].EntryId });
        await Eventually.WaitUntilAsync(() => transport.PublishedTo(Topics.CandidateEnrolled).Count == 1, "the requeued event to be published");

        Assert.Equal(Topics.CandidateEnrolled, parked[0].Topic);
        Assert.Equal(2, parked[0].Refusals);
        Assert.Equal(1, status.Parked);
        var published = Assert.Single(transport.PublishedTo(Topics.CandidateEnrolled));
        Assert.Equal(parked[0].EntryId, published.Id);
        Assert.Contains(enrolment.EnrolmentId, published.Json, StringComparison.Ordinal);
        Assert.Empty((await admin.ListParkedEntriesAsync(new ListParkedEntriesRequest())).Entries);
    }

    [Fact]
    public async Task RequeueParkedEntry_UnknownOrMalformedId_NotFoundOrInvalidArgument()
    {
        await using var host = await EnrolmentTestHost.StartAsync(redis, RedisFixture.NewKeyPrefix("outbox-admin-errors"));
        var admin = new OutboxAdminService.OutboxAdminServiceClient(host.InvokerAs("operator", null, Scopes.Operations));

        await FailsWith(StatusCode.NotFound, () => admin.RequeueParkedEntryAsync(new RequeueParkedEntryRequest { EntryId = "no-such-entry" }).ResponseAsync);
        var invalid = await FailsWith(StatusCode.InvalidArgument, () => admin.RequeueParkedEntryAsync(new RequeueParkedEntryRequest { EntryId = "a b" }).ResponseAsync);
        Assert.Equal("entry_id", FieldOf(invalid));
        Assert.Equal("max_entries", FieldOf(await FailsWith(StatusCode.InvalidArgument, () => admin.ListParkedEntriesAsync(new ListParkedEntriesRequest { MaxEntries = -1 }).ResponseAsync)));
    }

    [Fact]
    public async Task OutboxAdmin_CouncilHrToken_PermissionDenied()
    {
        await using var host = await EnrolmentTestHost.StartAsync(redis, RedisFixture.NewKeyPrefix("outbox-admin-hr"));
        var asHr = new OutboxAdminService.OutboxAdminServiceClient(host.InvokerFor(Authorities.Bury, Scopes.EnrolmentHr));

        await FailsWith(StatusCode.PermissionDenied, () => asHr.ListParkedEntriesAsync(new ListParkedEntriesRequest()).ResponseAsync);
        await FailsWith(StatusCode.PermissionDenied, () => asHr.RequeueParkedEntryAsync(new RequeueParkedEntryRequest { EntryId = "x" }).ResponseAsync);
    }
}
