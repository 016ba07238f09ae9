using Accreditation.Sidecar.Tests.Support;
using Accreditation.TestSupport;
using Xunit.Abstractions;

namespace Accreditation.Sidecar.Tests.Integration;

/// <summary>
/// Dapr's response rules end to end: what the app answers decides ack, retry or dead letter. Attempt
/// counts are exact: the attempts are what is under test, and nothing here lets an entry be delivered
/// more often (each attempt has the 60s delivery timeout, not processingTimeout, and an entry under
/// delivery is never reclaimed by the instance delivering it).
/// </summary>
public sealed class DeliveryRulesTests(RedisFixture redis, ITestOutputHelper output) : IClassFixture<RedisFixture>
{
    public static TheoryData<string, int, bool> Answers => new()
    {
        { "success", 1, false },
        { "empty", 1, false },
        { "retry", 3, true },
        { "drop", 1, true },
        { "notfound", 1, true },
        { "error", 3, true },
    };

    [Theory]
    [MemberData(nameof(Answers))]
    public async Task Delivery_AppAnswer_SettledByDaprRules(string answerName, int expectedAttempts, bool expectDeadLetter)
    {
        var answer = answerName switch
        {
            "success" => AppAnswer.Success,
            "empty" => AppAnswer.Empty,
            "retry" => AppAnswer.Retry,
            "drop" => AppAnswer.Drop,
            "notfound" => AppAnswer.NotFound,
            _ => AppAnswer.ServerError,
        };
        var topic = Names.Topic(answerName);
        var deadLetter = topic + "-dead";
        await using var app = await FakeApp.StartAsync(Names.Subscriptions(topic, "/on-event", deadLetter), _ => answer);
        await using var sidecar = await SidecarHarness.StartAsync(SidecarHarness.OptionsFor(redis, Names.AppId(answerName), app.Port), output);

        await StreamProbe.PublishAsync(sidecar, topic, """{"n":1}""");

        await StreamProbe.WaitUntilSettledAsync(redis.Connection, topic, sidecar.Options.AppId);
        await Eventually.WaitUntilAsync(() => app.Received.Count >= expectedAttempts, "all attempts");
        Assert.Equal(expectedAttempts, app.Received.Count);
        Assert.All(app.Received, r => Assert.Equal("/on-event", r.Route));
        Assert.All(app.Received, r => Assert.Equal("application/cloudevents+json", r.ContentType));
        Assert.Equal(expectDeadLetter ? 1 : 0, await StreamProbe.LengthAsync(redis.Connection, deadLetter));
        if (expectDeadLetter)
        {
            var original = Assert.Single(await redis.Connection.GetDatabase().StreamRangeAsync(topic));
            var dead = Assert.Single(await redis.Connection.GetDatabase().StreamRangeAsync(deadLetter));
            Assert.Equal((byte[])original["data"]!, (byte[])dead["data"]!);
        }
    }

    [Fact]
    public async Task Delivery_RetriesExhaustedWithoutDeadLetterTopic_LeftPendingAndRedeliveredLater()
    {
        var topic = Names.Topic("pending");
        await using var app = await FakeApp.StartAsync(
            Names.Subscriptions(topic, "/on-event"),
            received => received.Attempt <= 3 ? AppAnswer.Retry : AppAnswer.Success);
        await using var sidecar = await SidecarHarness.StartAsync(SidecarHarness.OptionsFor(redis, Names.AppId("pending"), app.Port), output);

        await StreamProbe.PublishAsync(sidecar, topic, """{"n":1}""", eventId: "evt-pending");

        await Eventually.WaitUntilAsync(() => app.Received.Count >= 3, "the first three attempts");
        Assert.Equal(1, await StreamProbe.PendingAsync(redis.Connection, topic, sidecar.Options.AppId));
        await StreamProbe.WaitUntilSettledAsync(redis.Connection, topic, sidecar.Options.AppId);
        Assert.Equal(4, app.Received.Count);
        Assert.All(app.Received, r => Assert.Equal("evt-pending", r.EventId));
    }

    [Fact]
    public async Task Delivery_DropWithoutDeadLetterTopic_AcknowledgedAndNotRedelivered()
    {
        var topic = Names.Topic("drop");
        await using var app = await FakeApp.StartAsync(Names.Subscriptions(topic, "/on-event"), _ => AppAnswer.Drop);
        await using var sidecar = await SidecarHarness.StartAsync(SidecarHarness.OptionsFor(redis, Names.AppId("drop"), app.Port), output);

        await StreamProbe.PublishAsync(sidecar, topic, """{"n":1}""");

        await StreamProbe.WaitUntilSettledAsync(redis.Connection, topic, sidecar.Options.AppId);
        Assert.Single(app.Received);
    }
}
