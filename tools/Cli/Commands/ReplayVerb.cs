using Accreditation.Cli.DeadLetters;
using StackExchange.Redis;

namespace Accreditation.Cli.Commands;

/// <summary>replay-deadletter: moves a topic's dead-lettered messages back to the topic.</summary>
internal static class ReplayVerb
{
    public static async Task<int> RunAsync(CliArguments args, TextWriter output)
    {
        var topic = args.Required("topic");
        var broker = args.OrDefault("broker", Environment.GetEnvironmentVariable("ACCREDIT_BROKER") ?? "127.0.0.1:6380");
        await using var connection = await ConnectionMultiplexer.ConnectAsync(broker);
        var replayed = await new DeadLetterReplay(connection.GetDatabase()).ReplayAsync(topic, args.Number("max", 10_000));
        await output.WriteLineAsync($"replayed {replayed} messages from {topic}{DeadLetterReplay.Suffix} to {topic}");
        return 0;
    }
}
