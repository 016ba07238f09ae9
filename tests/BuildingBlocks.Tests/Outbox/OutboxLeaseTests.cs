using System.Diagnostics;
using Accreditation.BuildingBlocks.Outbox;
using Accreditation.TestSupport;
using StackExchange.Redis;

namespace Accreditation.BuildingBlocks.Tests.Outbox;

/// <summary>Failover between replicas: a short lease kept alive by its holder's heartbeat.</summary>
[Collection(RedisGroup.Name)]
public sealed class OutboxLeaseTests(RedisFixture redis)
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task Dispatcher_HolderCrashesWithoutReleasing_AnotherReplicaPublishesWithinSeconds()
    {
        using var bed = new OutboxTestBed(redis, nameof(Dispatcher_HolderCrashesWithoutReleasing_AnotherReplicaPublishesWithinSeconds), leaseDuration: Lease);
        // The crashed holder took the lease in a round of its own and then died: it never releases it.
        var crashed = bed.NewDispatcher(new RecordingTransport { Unavailable = true });
        await bed.CommitAsync(1);
        await Assert.ThrowsAsync<InvalidOperationException>(() => crashed.DispatchPendingAsync(CancellationToken.None));
        var committed = await bed.CommitAsync(3);
        var survivor = bed.NewDispatcher();
        var gap = Stopwatch.StartNew();

        await survivor.StartAsync(CancellationToken.None);
        await Eventually.WaitUntilAsync(() => bed.Transport.Published.Count == 4, "the survivor to publish everything", TimeSpan.FromSeconds(20));
        gap.Stop();
        await survivor.StopAsync(CancellationToken.None);
        survivor.Dispose();

        Assert.Equal(committed.Select(m => m.Id), bed.Transport.Published.Skip(1).Select(m => m.Id));
        // The old 90 s lease made this about a minute and a half; now it is the lease plus a poll or two
        // (a loose bound, far from 90 s, for a loaded machine).
        Assert.True(gap.Elapsed < Lease * 10, $"took over after {gap.Elapsed}");
    }

    [Fact]
    public async Task Dispatcher_HolderAlive_HeartbeatKeepsTheLeasePastItsDuration()
    {
        using var bed = new OutboxTestBed(redis, nameof(Dispatcher_HolderAlive_HeartbeatKeepsTheLeasePastItsDuration), leaseDuration: Lease);
        var holder = bed.NewDispatcher();
        await holder.StartAsync(CancellationToken.None);
        await Eventually.WaitForAsync(() => bed.Store.Database.KeyExistsAsync(bed.Store.Keys.Key("outbox", "lease")), held => held, "the holder to take the lease");
        var other = bed.NewDispatcher(new RecordingTransport());
        await bed.CommitAsync(1);
        var deadline = DateTime.UtcNow + (Lease * 3);

        var otherPublished = 0;
        var committed = 1;
        while (DateTime.UtcNow < deadline)
        {
            otherPublished += await other.DispatchPendingAsync(CancellationToken.None);
            await bed.CommitAsync(1);
            committed++;
        }

        // The holder published everything, including what was committed after its first lease ran out.
        await Eventually.WaitUntilAsync(() => bed.Transport.Published.Count == committed, "the holder to publish every entry");
        await holder.StopAsync(CancellationToken.None);
        holder.Dispose();
        Assert.Equal(0, otherPublished);
    }

    [Fact]
    public async Task StopAsync_StoreUnreachable_StopsWithinSeconds()
    {
        var dead = await ConnectionMultiplexer.ConnectAsync(new ConfigurationOptions
        {
            EndPoints = { { "127.0.0.1", FreePort.Next() } },
            AbortOnConnectFail = false,
            ConnectTimeout = 200,
        });
        using var bed = new OutboxTestBed(redis, nameof(StopAsync_StoreUnreachable_StopsWithinSeconds), connection: dead);
        var dispatcher = bed.NewDispatcher();
        await dispatcher.StartAsync(CancellationToken.None);
        bed.Signal.Notify();

        // A hang fails here with a TimeoutException instead of hanging the test run.
        await dispatcher.StopAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));
        dispatcher.Dispose();
        await dead.DisposeAsync();
    }
}
