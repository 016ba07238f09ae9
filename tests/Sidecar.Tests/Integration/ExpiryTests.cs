using Accreditation.Sidecar.Tests.Support;
using Accreditation.TestSupport;
using Xunit.Abstractions;

namespace Accreditation.Sidecar.Tests.Integration;

/// <summary>Expired CloudEvents are not delivered: dead-lettered when the subscription has a dead-letter topic, as daprd does.</summary>
public sealed class ExpiryTests(RedisFixture redis, ITestOutputHelper output) : IClassFixture<RedisFixture>
{
    private const string ExpiredEvent = """{"specversion":"1.0","id":"evt-expired","source":"s","type":"t","datacontenttype":"application/json","data":{"n":1},"expiration":"2000-01-01T00:00:00Z"}""";

    [Fact]
    public async Task Delivery_ExpiredEventWithDeadLetterTopic_NotDeliveredButDeadLetteredWithItsId()
    {
        var topic = Names.Topic("expired");
        var deadLetter = topic + ".deadletter-expired";
        await using var app = await FakeApp.StartAsync(Names.Subscriptions(topic, "/on-event", deadLetter), _ => AppAnswer.Success);
        await using var sidecar = await SidecarHarness.StartAsync(SidecarHarness.OptionsFor(redis, Names.AppId("expired"), app.Port), output);

        await StreamProbe.PublishAsync(sidecar, topic, ExpiredEvent, contentType: "application/cloudevents+json");

        await StreamProbe.WaitUntilSettledAsync(redis.Connection, topic, sidecar.Options.AppId);
        Assert.Empty(app.Received);
        var dead = Assert.Single(await redis.Connection.GetDatabase().StreamRangeAsync(deadLetter));
        Assert.Contains("\"id\":\"evt-expired\"", dead["data"].ToString(), StringComparison.Ordinal);
        var log = Assert.Single(sidecar.Logs.Entries, l => l.EventName == "ExpiredDeadLettered");
        Assert.Contains("2000-01-01T00:00:00Z", log.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delivery_ExpiredEventWithoutDeadLetterTopic_DroppedWithWarning()
    {
        var topic = Names.Topic("expired");
        await using var app = await FakeApp.StartAsync(Names.Subscriptions(topic, "/on-event"), _ => AppAnswer.Success);
        await using var sidecar = await SidecarHarness.StartAsync(SidecarHarness.OptionsFor(redis, Names.AppId("expired"), app.Port), output);

        await StreamProbe.PublishAsync(sidecar, topic, ExpiredEvent, contentType: "application/cloudevents+json");

        await StreamProbe.WaitUntilSettledAsync(redis.Connection, topic, sidecar.Options.AppId);
        Assert.Empty(app.Received);
        Assert.Equal(1, sidecar.Logs.Count("Expired"));
    }
}
