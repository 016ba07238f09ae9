using System.Diagnostics;
using Accreditation.BuildingBlocks.Outbox;
using Accreditation.TestSupport;

namespace Accreditation.BuildingBlocks.Tests.Outbox;

/// <summary>The trace of the request that wrote an entry continues through its publish; the backlog is observable.</summary>
[Collection(RedisGroup.Name)]
public sealed class OutboxTelemetryTests(RedisFixture redis)
{
    [Fact]
    public async Task DispatchPending_EntryWrittenInATrace_PublishedInTheSameTrace()
    {
        using var listener = ListenTo(OutboxDispatcher.ActivitySourceName, "Accreditation.Tests");
        using var source = new ActivitySource("Accreditation.Tests");
        using var bed = new OutboxTestBed(redis, nameof(DispatchPending_EntryWrittenInATrace_PublishedInTheSameTrace));
        ActivityTraceId traceId;
        using (var request = source.StartActivity("council call", ActivityKind.Server))
        {
            traceId = request!.TraceId;
            await bed.CommitAsync(1);
        }

        await bed.NewDispatcher().DispatchPendingAsync(CancellationToken.None);

        var published = Assert.Single(bed.Transport.Published);
        Assert.Equal(traceId, ActivityContext.Parse(published.TraceParent!, null).TraceId);
        var publishedIn = Assert.Single(bed.Transport.PublishedInTrace);
        Assert.Equal(traceId, ActivityContext.Parse(publishedIn!, null).TraceId);
    }

    [Fact]
    public void MetadataFor_Activity_CarriesIdTypeAndTraceParent()
    {
        using var listener = ListenTo("Accreditation.Tests");
        using var source = new ActivitySource("Accreditation.Tests");
        using var activity = source.StartActivity("publish");
        var message = OutboxMessage.For("pubsub", "t", "event-1", new Contracts.Common.V1.LocalAuthorityRef(), DateTimeOffset.UnixEpoch);

        var metadata = DaprEventTransport.MetadataFor(message, activity);

        Assert.Equal("event-1", metadata["cloudevent.id"]);
        Assert.Equal("accreditation.common.v1.LocalAuthorityRef", metadata["cloudevent.type"]);
        Assert.Equal(activity!.Id, metadata["cloudevent.traceparent"]);
    }

    [Fact]
    public async Task Dispatcher_EntriesWaiting_OldestPendingAgeObserved()
    {
        using var bed = new OutboxTestBed(redis, nameof(Dispatcher_EntriesWaiting_OldestPendingAgeObserved));
        var tx = bed.Store.Database.CreateTransaction();
        bed.Writer.Enqueue(tx, OutboxMessage.For("pubsub", "t", Guid.NewGuid().ToString(), new Contracts.Common.V1.LocalAuthorityRef(), DateTimeOffset.UtcNow.AddMinutes(-10)));
        await tx.ExecuteAsync();
        var refusing = new RecordingTransport();
        refusing.Refuse("t");
        var stuck = bed.NewDispatcher(refusing);

        await stuck.StartAsync(CancellationToken.None);
        await Eventually.WaitUntilAsync(() => bed.Metrics.OldestPendingAgeSeconds >= 600, "the oldest pending age to be observed");
        await stuck.StopAsync(CancellationToken.None);
        stuck.Dispose();

        Assert.InRange(bed.Metrics.OldestPendingAgeSeconds, 600, 700);
    }

    private static ActivityListener ListenTo(params string[] sources)
    {
        var listener = new ActivityListener
        {
            ShouldListenTo = s => sources.Contains(s.Name),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    }
}
