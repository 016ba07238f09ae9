using Accreditation.Cli.DeadLetters;
using Accreditation.Cli.Tests.Support;
using Accreditation.TestSupport;

namespace Accreditation.Cli.Tests.DeadLetters;

/// <summary>deadletters and replay-deadletter as a user runs them, against a real Redis.</summary>
public sealed class DeadLetterVerbsTests(RedisFixture redis) : IClassFixture<RedisFixture>
{
    [Fact]
    public async Task RunAsync_Deadletters_PlainTableOfStreamsWithCounts()
    {
        var topic = "enrolment.t-" + Guid.NewGuid().ToString("N");
        var db = redis.Connection.GetDatabase();
        await db.StreamAddAsync(DeadLetterTopic.For("testing", topic), "data", 1);
        await db.StreamAddAsync(DeadLetterTopic.For("testing", topic), "data", 2);

        var run = await CliRun.RunAsync(["deadletters", "--broker", redis.ConnectionString]);

        Assert.True(run.ExitCode == 0, run.ToString());
        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["app", "topic", "messages", "stream"], lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(lines, l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries).SequenceEqual(["testing", topic, "2", DeadLetterTopic.For("testing", topic)]));
        Assert.Matches(@"^\d+ dead-letter streams, \d+ messages$", lines[^1]);
        Assert.DoesNotContain('\u001b', run.Output);
    }

    [Fact]
    public async Task RunAsync_ReplayDeadletter_MovesTheAppsDeadLettersBackToTheTopic()
    {
        var topic = "enrolment.t-" + Guid.NewGuid().ToString("N");
        var db = redis.Connection.GetDatabase();
        await db.StreamAddAsync(DeadLetterTopic.For("testing", topic), "data", 1);

        var run = await CliRun.RunAsync(["replay-deadletter", "--app", "testing", "--topic", topic, "--broker", redis.ConnectionString]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal($"replayed 1 messages from testing.{topic}.deadletter to {topic}", run.Output.Trim());
        Assert.Equal(1, await db.StreamLengthAsync(topic));
        Assert.Equal(0, await db.StreamLengthAsync(DeadLetterTopic.For("testing", topic)));
    }

    [Fact]
    public async Task RunAsync_BrokerVariable_UsedWithoutTheOption()
    {
        var run = await CliRun.RunAsync(["deadletters"], new Dictionary<string, string> { ["ACCREDIT_BROKER"] = redis.ConnectionString });

        Assert.True(run.ExitCode == 0, run.ToString());
    }
}
