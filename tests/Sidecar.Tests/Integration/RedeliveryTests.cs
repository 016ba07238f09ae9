using Accreditation.Sidecar.Tests.Support;
using Accreditation.TestSupport;
using Xunit.Abstractions;

namespace Accreditation.Sidecar.Tests.Integration;

/// <summary>Nothing is lost when the stand-in or the app goes away before an entry is acknowledged.</summary>
public sealed class RedeliveryTests(RedisFixture redis, ITestOutputHelper output) : IClassFixture<RedisFixture>
{
    [Fact]
    public async Task StandInStopsBeforeAck_NewInstanceReclaimsAndDelivers()
    {
        var topic = Names.Topic("crash");
        var appId = Names.AppId("crash");
        await using var app = await FakeApp.StartAsync(Names.Subscriptions(topic, "/on-event"), _ => AppAnswer.NoAnswer);
        // A long processingTimeout keeps the first instance on its one hanging attempt until it stops.
        var first = await SidecarHarness.StartAsync(SidecarHarness.OptionsFor(redis, appId, app.Port) with { ProcessingTimeout = TimeSpan.FromMinutes(1) }, output);
        await StreamProbe.PublishAsync(first, topic, """{"n":1}""", eventId: "evt-crash");
        await Eventually.WaitUntilAsync(() => app.Received.Count == 1, "the first delivery to reach the app");

        await first.DisposeAsync();
        Assert.Equal(1, await StreamProbe.PendingAsync(redis.Connection, topic, appId));
        app.Answer = _ => AppAnswer.Success;
        await using var second = await SidecarHarness.StartAsync(SidecarHarness.OptionsFor(redis, appId, app.Port), output);

        await StreamProbe.WaitUntilSettledAsync(redis.Connection, topic, appId);
        Assert.Equal(2, app.Received.Count);
        Assert.All(app.Received, r => Assert.Equal("evt-crash", r.EventId));
    }

    [Fact]
    public async Task AppDownDuringDelivery_EntryStaysPendingAndIsDeliveredWhenAppReturns()
    {
        var topic = Names.Topic("appdown");
        var subscriptions = Names.Subscriptions(topic, "/on-event");
        var app = await FakeApp.StartAsync(subscriptions, _ => AppAnswer.Success);
        var port = app.Port;
        await using var sidecar = await SidecarHarness.StartAsync(SidecarHarness.OptionsFor(redis, Names.AppId("appdown"), port), output);
        await app.DisposeAsync();

        await StreamProbe.PublishAsync(sidecar, topic, """{"n":1}""", eventId: "evt-appdown");
        await Eventually.WaitForAsync(
            async () => (await redis.Connection.GetDatabase().StreamPendingMessagesAsync(topic, sidecar.Options.AppId, 10, StackExchange.Redis.RedisValue.Null)).Sum(p => p.DeliveryCount),
            deliveries => deliveries >= 2,
            "the entry to be read, left pending and claimed again");
        await using var back = await FakeApp.StartAsync(subscriptions, _ => AppAnswer.Success, port);

        await StreamProbe.WaitUntilSettledAsync(redis.Connection, topic, sidecar.Options.AppId);
        var received = Assert.Single(back.Received);
        Assert.Equal("evt-appdown", received.EventId);
    }

    [Fact]
    public async Task TwoSubscriberApps_EachAnswersSuccess_EachReceivesEveryEventExactlyOnce()
    {
        var topic = Names.Topic("fanout");
        await using var appA = await FakeApp.StartAsync(Names.Subscriptions(topic, "/a"), _ => AppAnswer.Success);
        await using var appB = await FakeApp.StartAsync(Names.Subscriptions(topic, "/b"), _ => AppAnswer.Empty);
        await using var sidecarA = await SidecarHarness.StartAsync(SidecarHarness.OptionsFor(redis, Names.AppId("a"), appA.Port), output);
        await using var sidecarB = await SidecarHarness.StartAsync(SidecarHarness.OptionsFor(redis, Names.AppId("b"), appB.Port), output);
        var ids = Enumerable.Range(1, 20).Select(i => $"evt-{i}").ToList();

        foreach (var id in ids)
        {
            await StreamProbe.PublishAsync(sidecarA, topic, $$"""{"id":"{{id}}"}""", eventId: id);
        }

        await StreamProbe.WaitUntilSettledAsync(redis.Connection, topic, sidecarA.Options.AppId);
        await StreamProbe.WaitUntilSettledAsync(redis.Connection, topic, sidecarB.Options.AppId);
        Assert.Equal(ids.Order(), appA.Received.Select(r => r.EventId).Order());
        Assert.Equal(ids.Order(), appB.Received.Select(r => r.EventId).Order());
    }
}
