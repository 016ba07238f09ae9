using System.Text.Json;
using Accreditation.BuildingBlocks.Inbox;
using Accreditation.BuildingBlocks.Redis;
using Accreditation.Cli.DeadLetters;
using Accreditation.TestSupport;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Accreditation.Cli.Tests.DeadLetters;

public sealed class DeadLetterReplayTests(RedisFixture redis) : IClassFixture<RedisFixture>
{
    [Fact]
    public async Task ReplayAsync_DeadLetteredMessages_BackOnTopicInOrderWithSameFieldsAndGoneFromDeadLetters()
    {
        var db = redis.Connection.GetDatabase();
        var topic = NewTopic();
        var deadLetters = DeadLetterTopic.For("testing", topic);
        for (var i = 0; i < 150; i++)
        {
            await db.StreamAddAsync(deadLetters, [new NameValueEntry("data", $"{{\"id\":\"{i}\"}}"), new NameValueEntry("metadata", "{}")]);
        }

        var replayed = await new DeadLetterReplay(db).ReplayAsync("testing", topic, 1000);

        Assert.Equal(150, replayed);
        Assert.Equal(0, await db.StreamLengthAsync(deadLetters));
        var back = await db.StreamRangeAsync(topic, "-", "+");
        Assert.Equal(Enumerable.Range(0, 150).Select(i => $"{{\"id\":\"{i}\"}}"), back.Select(e => e["data"].ToString()));
        Assert.All(back, e => Assert.Equal("{}", e["metadata"].ToString()));
    }

    [Fact]
    public async Task ReplayAsync_Max_ReplaysOnlyThatMany()
    {
        var db = redis.Connection.GetDatabase();
        var topic = NewTopic();
        for (var i = 0; i < 5; i++)
        {
            await db.StreamAddAsync(DeadLetterTopic.For("testing", topic), "data", i);
        }

        Assert.Equal(2, await new DeadLetterReplay(db).ReplayAsync("testing", topic, 2));
        Assert.Equal(3, await db.StreamLengthAsync(DeadLetterTopic.For("testing", topic)));
    }

    [Fact]
    public async Task ReplayAsync_OneApp_OtherAppsDeadLettersOfTheTopicStay()
    {
        var db = redis.Connection.GetDatabase();
        var topic = NewTopic();
        await db.StreamAddAsync(DeadLetterTopic.For("testing", topic), "data", "a");
        await db.StreamAddAsync(DeadLetterTopic.For("reporting", topic), "data", "b");

        Assert.Equal(1, await new DeadLetterReplay(db).ReplayAsync("testing", topic, 100));

        Assert.Equal(1, await db.StreamLengthAsync(DeadLetterTopic.For("reporting", topic)));
        Assert.Equal("a", (await db.StreamRangeAsync(topic, "-", "+")).Single()["data"].ToString());
    }

    [Fact]
    public async Task ReplayAsync_NothingDeadLettered_Zero() =>
        Assert.Equal(0, await new DeadLetterReplay(redis.Connection.GetDatabase()).ReplayAsync("testing", NewTopic(), 100));

    /// <summary>
    /// The whole story on a real broker: an event on a topic with two subscribers; "reporting" applies
    /// it, "testing" cannot and its sidecar dead-letters it to testing.&lt;topic&gt;.deadletter. Replayed,
    /// the event is on the topic again with the same CloudEvent: reporting's idempotent consumer knows
    /// the id and ignores it, testing's applies it.
    /// </summary>
    [Fact]
    public async Task ReplayAsync_CloudEventAppliedByOneSubscriberAndDeadLetteredByAnother_KeepsItsIdSoOnlyTheOtherAppliesIt()
    {
        var db = redis.Connection.GetDatabase();
        var topic = NewTopic();
        var eventId = Guid.NewGuid().ToString();
        var cloudEvent = JsonSerializer.Serialize(new
        {
            specversion = "1.0",
            id = eventId,
            source = "enrolment",
            type = "accreditation.events.v1.CandidateEndorsed",
            topic,
            pubsubname = "pubsub",
            datacontenttype = "application/json",
            data = new { enrolmentId = "e-1", version = 2 },
        });
        NameValueEntry[] fields = [new("data", cloudEvent), new("metadata", "{\"cloudevent.id\":\"" + eventId + "\"}")];
        var published = await db.StreamAddAsync(topic, fields);
        var reporting = Consumer("reporting");
        var testing = Consumer("testing");

        // First delivery: reporting applies it; testing fails and its sidecar dead-letters the entry as it is.
        var first = await db.StreamRangeAsync(topic, published, published);
        Assert.Equal(ConsumeOutcome.Applied, await reporting.ConsumeAsync("candidate-endorsed", IdOf(first.Single()), Apply));
        await db.StreamAddAsync(DeadLetterTopic.For("testing", topic), first.Single().Values);

        Assert.Equal(1, await new DeadLetterReplay(db).ReplayAsync("testing", topic, 100));

        var replayed = (await db.StreamRangeAsync(topic, "(" + published, "+")).Single();
        Assert.Equal(cloudEvent, replayed["data"].ToString());
        Assert.Equal(eventId, IdOf(replayed));
        Assert.Equal(ConsumeOutcome.Duplicate, await reporting.ConsumeAsync("candidate-endorsed", IdOf(replayed), Apply));
        Assert.Equal(ConsumeOutcome.Applied, await testing.ConsumeAsync("candidate-endorsed", IdOf(replayed), Apply));
        Assert.Equal(ConsumeOutcome.Duplicate, await testing.ConsumeAsync("candidate-endorsed", IdOf(replayed), Apply));
    }

    private static Task Apply(IDatabase db, ITransaction tx)
    {
        _ = tx.StringIncrementAsync("applied:" + Guid.NewGuid().ToString("N"));
        return Task.CompletedTask;
    }

    private static string NewTopic() => "enrolment.t-" + Guid.NewGuid().ToString("N");

    private static string IdOf(StreamEntry entry)
    {
        using var json = JsonDocument.Parse(entry["data"].ToString());
        return json.RootElement.GetProperty("id").GetString()!;
    }

    private IdempotentConsumer Consumer(string app) =>
        new(new RedisStore(redis.Connection, new RedisKeys(RedisFixture.NewKeyPrefix(app))), Options.Create(new InboxOptions()));
}
