using System.CommandLine;
using Accreditation.Cli.DeadLetters;
using Accreditation.Cli.Output;
using Spectre.Console;
using StackExchange.Redis;

namespace Accreditation.Cli.Commands;

/// <summary>deadletters lists the broker's dead-letter streams; replay-deadletter moves one subscriber's dead letters of a topic back to the topic.</summary>
internal static class DeadLetterVerbs
{
    public static IEnumerable<Command> Create(VerbContext context) => [List(context), Replay(context)];

    private static Command List(VerbContext context)
    {
        var broker = CommonOptions.Broker();
        var command = new Command("deadletters", $"List the dead-letter streams (<app-id>.<topic>{DeadLetterTopic.Suffix}) on the broker and their message counts") { broker };
        command.SetAction(async (result, ct) =>
        {
            await using var connection = await ConnectionMultiplexer.ConnectAsync(CommonOptions.BrokerOf(result, broker, context.Host));
            var streams = await new DeadLetterCatalog(connection).ListAsync(ct);
            var table = Tables.Create(Tables.Text("app"), Tables.Text("topic"), Tables.Number("messages"), Tables.Text("stream"));
            foreach (var stream in streams)
            {
                table.Row(stream.App, stream.Topic, stream.Messages, stream.Key);
            }

            var console = context.OutputConsole();
            console.WriteTable(table);
            console.WriteLine($"{streams.Count} dead-letter streams, {streams.Sum(s => s.Messages)} messages");
            return 0;
        });
        return command;
    }

    private static Command Replay(VerbContext context)
    {
        var app = new Option<string>("--app")
        {
            Description = "Dapr app id of the subscriber whose dead letters are replayed, e.g. testing",
            HelpName = "app-id",
            Required = true,
        };
        app.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<string>()?.Contains('.', StringComparison.Ordinal) == true)
            {
                r.AddError("--app is a Dapr app id, which has no dots");
            }
        });
        var topic = new Option<string>("--topic")
        {
            Description = "Topic the messages were dead-lettered from and go back to, e.g. enrolment.candidate-endorsed",
            HelpName = "topic",
            Required = true,
        };
        var broker = CommonOptions.Broker();
        var max = CommonOptions.Number("--max", "Messages replayed at most", 10_000, 1);
        var command = new Command(
            "replay-deadletter",
            $"Move an app's dead letters of a topic (<app-id>.<topic>{DeadLetterTopic.Suffix}) back to the topic, CloudEvents unchanged (subscribers that applied one ignore it by its id)")
        {
            app, topic, broker, max,
        };
        command.SetAction(async (result, ct) =>
        {
            var (appId, name) = (result.GetRequiredValue(app), result.GetRequiredValue(topic));
            await using var connection = await ConnectionMultiplexer.ConnectAsync(CommonOptions.BrokerOf(result, broker, context.Host));
            var replayed = await new DeadLetterReplay(connection.GetDatabase()).ReplayAsync(appId, name, result.GetValue(max), ct);
            await context.Output.WriteLineAsync($"replayed {replayed} messages from {DeadLetterTopic.For(appId, name)} to {name}");
            return 0;
        });
        return command;
    }
}
