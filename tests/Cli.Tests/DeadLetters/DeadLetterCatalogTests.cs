using Accreditation.Cli.DeadLetters;
using Accreditation.TestSupport;

namespace Accreditation.Cli.Tests.DeadLetters;

public sealed class DeadLetterCatalogTests(RedisFixture redis) : IClassFixture<RedisFixture>
{
    [Fact]
    public async Task ListAsync_DeadLetterStreams_AppTopicAndCountOfEachAndNothingElse()
    {
        var db = redis.Connection.GetDatabase();
        var topic = "enrolment.t-" + Guid.NewGuid().ToString("N");
        for (var i = 0; i < 3; i++)
        {
            await db.StreamAddAsync(DeadLetterTopic.For("testing", topic), "data", i);
        }

        await db.StreamAddAsync(DeadLetterTopic.For("reporting", topic), "data", 0);
        await db.StreamAddAsync(topic, "data", 0);
        await db.StringSetAsync(DeadLetterTopic.For("notastream", topic), "x");

        var listed = (await new DeadLetterCatalog(redis.Connection).ListAsync()).Where(s => s.Topic == topic).ToList();

        Assert.Equal(
            [new DeadLetterBacklog(DeadLetterTopic.For("reporting", topic), "reporting", topic, 1), new DeadLetterBacklog(DeadLetterTopic.For("testing", topic), "testing", topic, 3)],
            listed);
    }
}
