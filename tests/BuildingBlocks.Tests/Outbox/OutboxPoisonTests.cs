using Accreditation.BuildingBlocks.Outbox;
using Accreditation.TestSupport;

namespace Accreditation.BuildingBlocks.Tests.Outbox;

/// <summary>One entry the sidecar refuses for good (or cannot read) never blocks the rest of the outbox.</summary>
[Collection(RedisGroup.Name)]
public sealed class OutboxPoisonTests(RedisFixture redis)
{
    [Fact]
    public async Task DispatchPending_OneTopicRefused_OtherTopicsStillPublished()
    {
        using var bed = new OutboxTestBed(redis, nameof(DispatchPending_OneTopicRefused_OtherTopicsStillPublished));
        var refused = await bed.CommitAsync(2, topic: "refused.topic");
        var fine = await bed.CommitAsync(3, topic: "fine.topic");
        bed.Transport.Refuse("refused.topic");

        var published = await bed.NewDispatcher().DispatchPendingAsync(CancellationToken.None);

        Assert.Equal(3, published);
        Assert.Equal(fine.Select(m => m.Id), bed.Transport.Published.Select(m => m.Id));
        Assert.Equal(2, await bed.OutboxStore.CountPendingAsync());
        Assert.DoesNotContain(bed.Transport.Published, m => refused.Any(r => r.Id == m.Id));
    }

    [Fact]
    public async Task DispatchPending_RefusedMaxRefusalsTimes_ParkedAndLaterEntriesOfItsTopicFlow()
    {
        using var bed = new OutboxTestBed(redis, nameof(DispatchPending_RefusedMaxRefusalsTimes_ParkedAndLaterEntriesOfItsTopicFlow));
        var poison = (await bed.CommitAsync(1, topic: "t"))[0];
        var dispatcher = bed.NewDispatcher();
        bed.Transport.Refuse("t");
        for (var round = 0; round < bed.Options.Value.MaxRefusals; round++)
        {
            await dispatcher.DispatchPendingAsync(CancellationToken.None);
        }

        bed.Transport.Accept("t");
        var later = await bed.CommitAsync(2, topic: "t");
        await dispatcher.DispatchPendingAsync(CancellationToken.None);

        var parked = Assert.Single(await bed.OutboxStore.ListParkedAsync(10));
        Assert.Equal(poison.Id, parked.Id);
        Assert.Equal(bed.Options.Value.MaxRefusals, parked.Refusals);
        Assert.Contains("not allowed", parked.Reason, StringComparison.Ordinal);
        Assert.Equal(later.Select(m => m.Id), bed.Transport.Published.Select(m => m.Id));
    }

    [Fact]
    public async Task Requeue_ParkedEntryAfterTheCauseIsFixed_PublishedOnceWithItsId()
    {
        using var bed = new OutboxTestBed(redis, nameof(Requeue_ParkedEntryAfterTheCauseIsFixed_PublishedOnceWithItsId));
        var poison = (await bed.CommitAsync(1, topic: "t"))[0];
        var dispatcher = bed.NewDispatcher();
        bed.Transport.Refuse("t");
        for (var round = 0; round < bed.Options.Value.MaxRefusals; round++)
        {
            await dispatcher.DispatchPendingAsync(CancellationToken.None);
        }

        bed.Transport.Accept("t");
        Assert.Equal(0, await dispatcher.DispatchPendingAsync(CancellationToken.None));

        Assert.True(await bed.OutboxStore.RequeueAsync(poison.Id));
        Assert.False(await bed.OutboxStore.RequeueAsync(poison.Id));
        await dispatcher.DispatchPendingAsync(CancellationToken.None);

        Assert.Equal([poison.Id], bed.Transport.Published.Select(m => m.Id));
        Assert.Equal(poison.Json, bed.Transport.Published[0].Json);
        Assert.Empty(await bed.OutboxStore.ListParkedAsync(10));
        Assert.Equal(0, await bed.OutboxStore.CountPendingAsync());
    }

    [Fact]
    public async Task DispatchPending_CorruptEntry_ParkedAndTheRestPublished()
    {
        using var bed = new OutboxTestBed(redis, nameof(DispatchPending_CorruptEntry_ParkedAndTheRestPublished));
        var committed = await bed.CommitAsync(3);
        await bed.Store.Database.HashDeleteAsync(bed.Store.Keys.Key("outbox", "entry", committed[0].Id), "json");

        var published = await bed.NewDispatcher().DispatchPendingAsync(CancellationToken.None);

        Assert.Equal(2, published);
        Assert.Equal(committed.Skip(1).Select(m => m.Id), bed.Transport.Published.Select(m => m.Id));
        var parked = Assert.Single(await bed.OutboxStore.ListParkedAsync(10));
        Assert.Equal(committed[0].Id, parked.Id);
        Assert.False(await bed.OutboxStore.RequeueAsync(committed[0].Id));
    }

    [Fact]
    public async Task DispatchPending_SidecarUnavailable_NothingParkedHoweverLong()
    {
        using var bed = new OutboxTestBed(redis, nameof(DispatchPending_SidecarUnavailable_NothingParkedHoweverLong), maxRetryAttempts: 1);
        await bed.CommitAsync(2);
        var dispatcher = bed.NewDispatcher();
        bed.Transport.Unavailable = true;

        for (var round = 0; round < bed.Options.Value.MaxRefusals + 2; round++)
        {
            await Assert.ThrowsAsync<InvalidOperationException>(() => dispatcher.DispatchPendingAsync(CancellationToken.None));
        }

        Assert.Empty(await bed.OutboxStore.ListParkedAsync(10));
        Assert.Equal(2, await bed.OutboxStore.CountPendingAsync());
    }

    [Fact]
    public async Task DispatchPending_RefusedTopicFillsWholeBatches_LaterTopicsStillPublished()
    {
        using var bed = new OutboxTestBed(redis, nameof(DispatchPending_RefusedTopicFillsWholeBatches_LaterTopicsStillPublished));
        bed.Options.Value.BatchSize = 10;
        await bed.CommitAsync(25, topic: "refused.topic");
        var fine = await bed.CommitAsync(3, topic: "fine.topic");
        bed.Transport.Refuse("refused.topic");

        var published = await bed.NewDispatcher().DispatchPendingAsync(CancellationToken.None);

        Assert.Equal(3, published);
        Assert.Equal(fine.Select(m => m.Id), bed.Transport.Published.Select(m => m.Id));
    }

    [Fact]
    public async Task DispatchPending_EntryWithImpossibleTimeOrWrongType_ParkedAndTheRestPublished()
    {
        using var bed = new OutboxTestBed(redis, nameof(DispatchPending_EntryWithImpossibleTimeOrWrongType_ParkedAndTheRestPublished));
        var committed = await bed.CommitAsync(3);
        await bed.Store.Database.HashSetAsync(bed.Store.Keys.Key("outbox", "entry", committed[0].Id), "created", "999999999999999999");
        await bed.Store.Database.KeyDeleteAsync(bed.Store.Keys.Key("outbox", "entry", committed[1].Id));
        await bed.Store.Database.StringSetAsync(bed.Store.Keys.Key("outbox", "entry", committed[1].Id), "not a hash");

        var published = await bed.NewDispatcher().DispatchPendingAsync(CancellationToken.None);

        Assert.Equal(1, published);
        Assert.Equal([committed[2].Id], bed.Transport.Published.Select(m => m.Id));
        Assert.Equal(2, (await bed.OutboxStore.ListParkedAsync(10)).Count);
    }
}
