using Accreditation.BuildingBlocks.Outbox;
using Accreditation.TestSupport;
using StackExchange.Redis;

namespace Accreditation.BuildingBlocks.Tests.Outbox;

[Collection(RedisGroup.Name)]
public sealed class OutboxDispatcherTests(RedisFixture redis)
{
    [Fact]
    public async Task DispatchPending_SidecarFailsThreeTimesThenAccepts_PublishesEachEntryExactlyOnce()
    {
        using var bed = new OutboxTestBed(redis, nameof(DispatchPending_SidecarFailsThreeTimesThenAccepts_PublishesEachEntryExactlyOnce));
        var committed = await bed.CommitAsync(3);
        bed.Transport.FailNext(3);

        var published = await bed.NewDispatcher().DispatchPendingAsync(CancellationToken.None);

        Assert.Equal(3, published);
        Assert.Equal(committed.Select(m => m.Id), bed.Transport.Published.Select(m => m.Id));
        Assert.Equal(6, bed.Transport.Attempts);
        Assert.Equal(0, await bed.OutboxStore.CountPendingAsync());
    }

    [Fact]
    public async Task DispatchPending_SidecarDownLongerThanRetries_EntryStaysPendingAndIsPublishedNextRound()
    {
        using var bed = new OutboxTestBed(redis, nameof(DispatchPending_SidecarDownLongerThanRetries_EntryStaysPendingAndIsPublishedNextRound), maxRetryAttempts: 2);
        var committed = await bed.CommitAsync(2);
        var dispatcher = bed.NewDispatcher();
        bed.Transport.Unavailable = true;

        await Assert.ThrowsAsync<InvalidOperationException>(() => dispatcher.DispatchPendingAsync(CancellationToken.None));
        Assert.Empty(bed.Transport.Published);
        Assert.Equal(3, bed.Transport.Attempts);
        Assert.Equal(2, await bed.OutboxStore.CountPendingAsync());

        bed.Transport.Unavailable = false;
        var published = await dispatcher.DispatchPendingAsync(CancellationToken.None);

        Assert.Equal(2, published);
        Assert.Equal(committed.Select(m => m.Id), bed.Transport.Published.Select(m => m.Id));
    }

    [Fact]
    public async Task Dispatcher_ProcessRestartsBetweenCommitAndPublish_PublishesEverythingAfterRestart()
    {
        using var bed = new OutboxTestBed(redis, nameof(Dispatcher_ProcessRestartsBetweenCommitAndPublish_PublishesEverythingAfterRestart));
        var firstRun = new RecordingTransport { Unavailable = true };
        var crashed = bed.NewDispatcher(firstRun);
        using (var stop = new CancellationTokenSource())
        {
            await crashed.StartAsync(stop.Token);
            var committed = await bed.CommitAsync(5);
            await Eventually.WaitUntilAsync(() => firstRun.Attempts > 0, "the first dispatcher to try");
            await crashed.StopAsync(CancellationToken.None);
            crashed.Dispose();
            Assert.Equal(5, await bed.OutboxStore.CountPendingAsync());

            var restarted = bed.NewDispatcher();
            await restarted.StartAsync(CancellationToken.None);
            await Eventually.WaitUntilAsync(() => bed.Transport.Published.Count == 5, "all entries published after restart");
            await restarted.StopAsync(CancellationToken.None);
            restarted.Dispose();

            Assert.Equal(committed.Select(m => m.Id), bed.Transport.Published.Select(m => m.Id));
            Assert.Equal(0, await bed.OutboxStore.CountPendingAsync());
        }
    }

    [Fact]
    public async Task Enqueue_TransactionConditionFails_NeitherStateNorEntryIsWritten()
    {
        using var bed = new OutboxTestBed(redis, nameof(Enqueue_TransactionConditionFails_NeitherStateNorEntryIsWritten));
        var guard = bed.Store.Keys.Key("guard");
        await bed.Store.Database.StringSetAsync(guard, "present");

        var tx = bed.Store.Database.CreateTransaction();
        tx.AddCondition(Condition.KeyNotExists(guard));
        _ = tx.StringSetAsync(bed.Store.Keys.Key("state"), "changed");
        bed.Writer.Enqueue(tx, OutboxMessage.For("pubsub", "t", "e1", new Contracts.Common.V1.LocalAuthorityRef(), DateTimeOffset.UtcNow));

        Assert.False(await tx.ExecuteAsync());
        Assert.False(await bed.Store.Database.KeyExistsAsync(bed.Store.Keys.Key("state")));
        Assert.Equal(0, await bed.OutboxStore.CountPendingAsync());
    }

    [Fact]
    public async Task DispatchPending_AnotherReplicaHoldsTheLease_PublishesNothing()
    {
        using var bed = new OutboxTestBed(redis, nameof(DispatchPending_AnotherReplicaHoldsTheLease_PublishesNothing));
        await bed.CommitAsync(1);
        var first = bed.NewDispatcher();
        var second = bed.NewDispatcher(new RecordingTransport());

        Assert.Equal(1, await first.DispatchPendingAsync(CancellationToken.None));
        await bed.CommitAsync(1);
        Assert.Equal(0, await second.DispatchPendingAsync(CancellationToken.None));
        Assert.Equal(1, await bed.OutboxStore.CountPendingAsync());
    }

    [Fact]
    public async Task DispatchPending_Published_CountedPerTopicOnTheOutboxMeter()
    {
        using var bed = new OutboxTestBed(redis, nameof(DispatchPending_Published_CountedPerTopicOnTheOutboxMeter));
        await bed.CommitAsync(4);
        long counted = 0;
        using var listener = new System.Diagnostics.Metrics.MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (ReferenceEquals(instrument, bed.Metrics.Published))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            Assert.Equal("test.topic", tags[0].Value);
            Interlocked.Add(ref counted, value);
        });
        listener.Start();

        await bed.NewDispatcher().DispatchPendingAsync(CancellationToken.None);

        Assert.Equal(4, Interlocked.Read(ref counted));
        Assert.Equal(OutboxMetrics.MeterName, bed.Metrics.Published.Meter.Name);
    }

    [Fact]
    public void For_ProtobufMessage_CarriesJsonAndFullTypeName()
    {
        var message = OutboxMessage.For("pubsub", "t", "id-1", new Contracts.Common.V1.LocalAuthorityRef { GssCode = "E08000002", LaNumber = "351" }, DateTimeOffset.UnixEpoch);

        Assert.Equal("accreditation.common.v1.LocalAuthorityRef", message.EventType);
        Assert.Equal("""{ "gssCode": "E08000002", "laNumber": "351" }""", message.Json);
    }
}
