using Accreditation.Cli.DeadLetters;
using Accreditation.TestSupport;
using StackExchange.Redis;

namespace Accreditation.Cli.Tests.DeadLetters;

public sealed class DeadLetterReplayTests(RedisFixture redis) : IClassFixture<RedisFixture>
{
    [Fact]
    public async Task ReplayAsync_DeadLetteredMessages_BackOnTopicInOrderWithSameFieldsAndGoneFromDeadLetters()
    {
        var db = redis.Connection.GetDatabase();
        var topic = "t-" + Guid.NewGuid().ToString("N");
        for (var i = 0; i < 150; i++)
        {
            await db.StreamAddAsync(topic + ".deadletter", [new NameValueEntry("data", $"{{\"id\":\"{i}\"}}"), new NameValueEntry("metadata", "{}")]);
        }

        var replayed = await new DeadLetterReplay(db).ReplayAsync(topic, 1000);

        Assert.Equal(150, replayed);
        Assert.Equal(0, await db.StreamLengthAsync(topic + ".deadletter"));
        var back = await db.StreamRangeAsync(topic, "-", "+");
        Assert.Equal(Enumerable.Range(0, 150).Select(i => $"{{\"id\":\"{i}\"}}"), back.Select(e => e["data"].ToString()));
        Assert.All(back, e => Assert.Equal("{}", e["metadata"].ToString()));
    }

    [Fact]
    public async Task ReplayAsync_Max_ReplaysOnlyThatMany()
    {
        var db = redis.Connection.GetDatabase();
        var topic = "t-" + Guid.NewGuid().ToString("N");
        for (var i = 0; i < 5; i++)
        {
            await db.StreamAddAsync(topic + ".deadletter", "data", i);
        }

        Assert.Equal(2, await new DeadLetterReplay(db).ReplayAsync(topic, 2));
        Assert.Equal(3, await db.StreamLengthAsync(topic + ".deadletter"));
    }
}
