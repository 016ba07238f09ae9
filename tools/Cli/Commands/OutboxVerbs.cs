using System.CommandLine;
using Accreditation.Cli.Output;
using Accreditation.Contracts.Operations.V1;
using Spectre.Console;

namespace Accreditation.Cli.Commands;

/// <summary>
/// outbox status, parked and requeue: a service's outbox for the platform's operators
/// (OutboxAdminService, scope operations), reached at the service's own address.
/// </summary>
internal static class OutboxVerbs
{
    public static Command Create(VerbContext context) =>
        new("outbox", "A service's outbox, for operators: its backlog, the entries it parked, and requeuing them (scope operations)")
        {
            Status(context), Parked(context), Requeue(context),
        };

    /// <summary>The --service option every outbox verb requires.</summary>
    public static Option<ServiceName> ServiceOption()
    {
        var option = CommonOptions.Parsed<ServiceName>("--service", Parse.Service, "--service must be enrolment, testing or observation");
        option.Description = "Service whose outbox it is (reached at its --enrolment-url, --testing-url or --observation-url)";
        option.HelpName = "enrolment|testing|observation";
        option.Required = true;
        return option;
    }

    public static string NameOf(ServiceName service) => service.ToString().ToLowerInvariant();

    private static Command Status(VerbContext context)
    {
        var service = ServiceOption();
        var command = new Command("status", "Show the outbox's backlog: pending and parked entries and how old the oldest pending one is") { service };
        command.SetAction(async (result, ct) =>
        {
            using var endpoints = context.Connect(result);
            var name = result.GetValue(service);
            var status = await endpoints.OutboxAdmin(name).GetOutboxStatusAsync(new GetOutboxStatusRequest(), cancellationToken: ct);
            var table = Tables.Create(
                Tables.Text("service"), Tables.Number("pending"), Tables.Number("parked"), Tables.Text("oldest-pending"), Tables.Text("oldest-age"));
            table.Row(
                NameOf(name),
                status.Pending,
                status.Parked,
                Times.Iso(status.OldestPendingAt),
                status.OldestPendingAt is null ? "-" : Times.Age(DateTimeOffset.UtcNow - status.OldestPendingAt.ToDateTimeOffset()));
            context.OutputConsole().WriteTable(table);
            return 0;
        });
        return command;
    }

    private static Command Parked(VerbContext context)
    {
        var service = ServiceOption();
        var max = CommonOptions.Number("--max", "Parked entries listed at most, oldest parked first", 100, 1, 1000);
        var command = new Command("parked", "List the outbox's parked entries (refused for good or unreadable) as a table") { service, max };
        command.SetAction(async (result, ct) =>
        {
            using var endpoints = context.Connect(result);
            var response = await endpoints.OutboxAdmin(result.GetValue(service)).ListParkedEntriesAsync(
                new ListParkedEntriesRequest { MaxEntries = result.GetValue(max) }, cancellationToken: ct);
            var table = Tables.Create(
                Tables.Text("entry"), Tables.Text("topic"), Tables.Text("event"), Tables.Text("created"), Tables.Text("parked"), Tables.Number("refusals"), Tables.Text("reason"));
            foreach (var e in response.Entries)
            {
                table.Row(e.EntryId, e.Topic, e.EventType, Times.Iso(e.CreatedAt), Times.Iso(e.ParkedAt), e.Refusals, e.Reason);
            }

            var console = context.OutputConsole();
            console.WriteTable(table);
            console.WriteLine($"{response.Entries.Count} parked entries");
            return 0;
        });
        return command;
    }

    private static Command Requeue(VerbContext context)
    {
        var service = ServiceOption();
        var entry = CommonOptions.Id("--entry", "Parked entry id (its event's CloudEvent id), as outbox parked lists it");
        var command = new Command("requeue", "Put a parked entry back in the outbox's pending queue, in its original order") { service, entry };
        command.SetAction(async (result, ct) =>
        {
            using var endpoints = context.Connect(result);
            var name = result.GetValue(service);
            var id = result.GetRequiredValue(entry);
            await endpoints.OutboxAdmin(name).RequeueParkedEntryAsync(new RequeueParkedEntryRequest { EntryId = id }, cancellationToken: ct);
            await context.Output.WriteLineAsync($"requeued {id} in the {NameOf(name)} outbox");
            return 0;
        });
        return command;
    }
}
