using System.Text;
using Accreditation.Contracts;
using Accreditation.System.Tests.Infrastructure;
using Accreditation.TestSupport;
using StackExchange.Redis;

namespace Accreditation.System.Tests.Resilience;

/// <summary>
/// The whole dead-letter chain: a poison event is published, Testing drops it, the sidecar moves it
/// to Testing's own dead-letter topic, an operator replays it with accredit, and, as documented, a
/// replay of an event that can never be applied is dropped again: it returns to the dead-letter
/// topic with the same CloudEvent id and changes nothing.
/// </summary>
[Collection(SystemGroup.Name)]
public sealed class PoisonEventTests(SystemUnderTest system)
{
    [Fact]
    public async Task PoisonEvent_DroppedDeadLetteredReplayedAndDroppedAgain_SameIdNothingApplied()
    {
        var topic = Topics.CandidateEnrolled;
        var deadLetters = Topics.DeadLetterFor(AppIds.Testing, topic);
        var poisonId = "poison-" + Guid.NewGuid();

        await PublishAsync(topic, poisonId, """{"enrolmentId":"poison-enrolment","enrolmentVersion":"not a number"}""");
        var first = await WaitForDeadLetterAsync(deadLetters, poisonId, "the poison event in Testing's dead-letter topic");

        var replay = await RunCliAsync("replay-deadletter", "--app", AppIds.Testing, "--topic", topic);
        Assert.True(replay.Exit == 0, $"replay-deadletter exited {replay.Exit}: {replay.Output}");
        var again = await WaitForDeadLetterAsync(deadLetters, poisonId, "the replayed copy to be dropped back to the dead-letter topic", after: first);

        Assert.NotEqual(first, again);
        Assert.Equal(1, CountOf(await system.BrokerDatabase.StreamRangeAsync(deadLetters), poisonId));
        await using var testingStore = await ConnectionMultiplexer.ConnectAsync(system.Testing.Store.ConnectionString);
        Assert.False(await testingStore.GetDatabase().KeyExistsAsync("testing:candidate:poison-enrolment"));
    }

    private async Task PublishAsync(string topic, string id, string json)
    {
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{system.ProbeSidecar.Ports.HttpPort}") };
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(new Uri($"/v1.0/publish/{Topics.PubSubName}/{topic}?metadata.cloudevent.id={id}", UriKind.Relative), content);
        Assert.True(response.IsSuccessStatusCode, $"publish answered {(int)response.StatusCode}");
    }

    /// <summary>Waits for a dead-letter stream entry carrying the CloudEvent id, newer than <paramref name="after"/>; returns its stream id.</summary>
    private async Task<RedisValue> WaitForDeadLetterAsync(string stream, string cloudEventId, string what, RedisValue? after = null)
    {
        var entries = await Eventually.WaitForAsync(
            () => system.BrokerDatabase.StreamRangeAsync(stream, after is null ? "-" : "(" + after),
            found => CountOf(found, cloudEventId) > 0,
            what);
        return entries.First(e => Carries(e, cloudEventId)).Id;
    }

    private static int CountOf(StreamEntry[] entries, string cloudEventId) => entries.Count(e => Carries(e, cloudEventId));

    private static bool Carries(StreamEntry entry, string cloudEventId) =>
        entry.Values.Any(v => v.Name == "data" && v.Value.ToString().Contains($"\"id\":\"{cloudEventId}\"", StringComparison.Ordinal));

    private async Task<(int Exit, string Output)> RunCliAsync(params string[] args)
    {
        var launch = ProcessLaunch.Dotnet(system.Layout.AssemblyOf("tools/Cli", "accredit.dll"), args, new Dictionary<string, string?>
        {
            ["ACCREDIT_BROKER"] = system.Broker.ConnectionString,
        });
        await using var cli = ChildProcess.Start("accredit " + args[0], launch);
        var exit = await cli.WaitForExitAsync(TimeSpan.FromSeconds(60));
        return (exit, cli.Output.Last(20));
    }
}
