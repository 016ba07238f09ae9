using Accreditation.Sidecar.Tests.Support;
using Accreditation.TestSupport;
using Xunit.Abstractions;

namespace Accreditation.Sidecar.Tests.Integration;

/// <summary>Dead-letter topics are whatever the subscription declares, per-app names included; a dead letter is the entry unchanged.</summary>
public sealed class DeadLetterTests(RedisFixture redis, ITestOutputHelper output) : IClassFixture<RedisFixture>
{
    [Fact]
    public async Task DeadLetter_PerAppTopicName_EntryMovedUnchangedAndItsReplayCarriesTheSameEventId()
    {
        // This class has its own Redis, so the services' real names can be used as they are.
        const string appId = "testing";
        const string topic = "enrolment.candidate-endorsed";
        const string deadLetter = "testing.enrolment.candidate-endorsed.deadletter";
        await using var app = await FakeApp.StartAsync(
            Names.Subscriptions(topic, "/events/endorsed", deadLetter),
            received => received.Attempt == 1 ? AppAnswer.Drop : AppAnswer.Success);
        await using var sidecar = await SidecarHarness.StartAsync(SidecarHarness.OptionsFor(redis, appId, app.Port), output);
        var db = redis.Connection.GetDatabase();

        await StreamProbe.PublishAsync(sidecar, topic, """{"candidateId":"c-1"}""", eventId: "evt-endorsed");

        await StreamProbe.WaitUntilSettledAsync(redis.Connection, topic, appId);
        var original = Assert.Single(await db.StreamRangeAsync(topic));
        var dead = Assert.Single(await db.StreamRangeAsync(deadLetter));
        Assert.Equal(original.Values.Select(v => v.Name.ToString()), dead.Values.Select(v => v.Name.ToString()));
        Assert.Equal((byte[])original["data"]!, (byte[])dead["data"]!);
        Assert.Equal(original["metadata"], dead["metadata"]);
        Assert.False(await db.KeyExistsAsync(topic + ".deadletter"));

        // A replay as the CLI does it: the dead letter's fields back onto the topic.
        await db.StreamAddAsync(topic, dead.Values);

        await StreamProbe.WaitUntilSettledAsync(redis.Connection, topic, appId);
        Assert.Equal(["evt-endorsed"], app.DistinctEventIds);
        Assert.Equal([1, 2], app.Received.Select(r => r.Attempt));
    }
}
