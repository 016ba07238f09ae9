using System.CommandLine;
using System.Globalization;
using Accreditation.Cli.Output;
using Accreditation.Cli.Reporting;
using Accreditation.Contracts.Common.V1;
using Accreditation.Contracts.Reporting.V1;
using Google.Protobuf.WellKnownTypes;
using Spectre.Console;

namespace Accreditation.Cli.Commands;

/// <summary>
/// status, check, register, feed and export: the regulator's API of RegulatorReporting (scope
/// regulator, subject accredit-regulator), reached at --reporting-url.
/// </summary>
internal static class RegulatorVerbs
{
    public static IEnumerable<Command> Create(VerbContext context) =>
        [Status(context), Check(context), Register(context), Feed(context), Export(context)];

    private static Command Status(VerbContext context)
    {
        var number = CommonOptions.Parsed<string>("--registration-number", Parse.RegistrationNumber, "--registration-number must be SW followed by 1 to 6 digits, for example SW123");
        number.Description = "Social Work England registration number, e.g. SW123";
        number.HelpName = "number";
        number.Required = true;
        var command = new Command("status", "Show a social worker's accreditation status on the regulator's register, per role") { number };
        command.SetAction(async (result, ct) =>
        {
            using var endpoints = context.Connect(result);
            var status = (await endpoints.Regulator().GetAccreditationStatusAsync(
                new GetAccreditationStatusRequest { RegistrationNumber = result.GetRequiredValue(number) }, cancellationToken: ct)).Status;
            var console = context.OutputConsole();
            if (status.Roles.Count == 0)
            {
                console.WriteLine($"{status.RegistrationNumber} {RegisterText.Status(status.Status)}: not on the register in any role");
                return 0;
            }

            console.WriteLine($"{status.RegistrationNumber} {RegisterText.Status(status.Status)}");
            var table = Tables.Create(Tables.Text("role"), Tables.Text("status"), Tables.Text("accredited-at"));
            foreach (var role in status.Roles)
            {
                table.Row(RegisterText.Role(role.Role), RegisterText.Status(role.Status), Times.Iso(role.AccreditedAt));
            }

            console.WriteTable(table);
            return 0;
        });
        return command;
    }

    private static Command Check(VerbContext context)
    {
        var numbers = CommonOptions.Parsed<string[]>(
            "--registration-numbers",
            Parse.RegistrationNumbers,
            $"--registration-numbers must be 1 to {Parse.MaxRegistrationNumbers} comma-separated registration numbers, each SW followed by 1 to 6 digits");
        numbers.Description = $"Comma-separated registration numbers, at most {Parse.MaxRegistrationNumbers}, e.g. SW1,SW2";
        numbers.HelpName = "number,number";
        numbers.Required = true;
        var csv = new Option<bool>("--csv") { Description = "Write CSV (the columns of the service's check.csv) instead of a table" };
        var command = new Command("check", "Check the accreditation statuses of several social workers at once: one row per number and role") { numbers, csv };
        command.SetAction(async (result, ct) =>
        {
            using var endpoints = context.Connect(result);
            var request = new CheckAccreditationStatusesRequest { RegistrationNumbers = { result.GetRequiredValue(numbers) } };
            var statuses = (await endpoints.Regulator().CheckAccreditationStatusesAsync(request, cancellationToken: ct)).Statuses;
            if (result.GetValue(csv))
            {
                await context.Output.WriteAsync(Csv.Line(RegisterText.CheckColumns));
                foreach (var row in statuses.SelectMany(RegisterText.CheckRows))
                {
                    await context.Output.WriteAsync(row);
                }

                return 0;
            }

            var table = Tables.Create(Tables.Text("registration"), Tables.Text("role"), Tables.Text("status"), Tables.Text("accredited-at"));
            foreach (var status in statuses)
            {
                if (status.Roles.Count == 0)
                {
                    table.Row(status.RegistrationNumber, "-", RegisterText.Status(status.Status), "-");
                }

                foreach (var role in status.Roles)
                {
                    table.Row(status.RegistrationNumber, RegisterText.Role(role.Role), RegisterText.Status(role.Status), Times.Iso(role.AccreditedAt));
                }
            }

            var console = context.OutputConsole();
            console.WriteTable(table);
            console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{statuses.Count} registration numbers, {statuses.Count(s => s.Status == AccreditationStatus.Accredited)} accredited"));
            return 0;
        });
        return command;
    }

    private static Command Register(VerbContext context)
    {
        var phase = new Option<string>("--phase") { Description = "Only entries of this rollout phase, e.g. phase-1", HelpName = "phase" };
        var authority = CommonOptions.Parsed<string>("--authority", Parse.Gss, "--authority must be a GSS code, e.g. E08000002");
        authority.Description = "Only entries of this employing authority (GSS code), e.g. E08000002";
        authority.HelpName = "gss";
        var role = CommonOptions.Parsed<Role>("--role", Parse.Role, "--role must be practitioner or supervisor");
        role.Description = "Only entries of this role [default: every role]";
        role.HelpName = "practitioner|supervisor";
        var status = CommonOptions.Parsed<AccreditationStatus>("--status", Parse.Status, "--status must be accredited or not-accredited");
        status.Description = "Only entries of this status [default: every status]";
        status.HelpName = "accredited|not-accredited";
        var from = TimeOption("--accredited-from", "Only entries accredited at or after this time (ISO 8601, e.g. 2025-03-01 or 2025-03-01T09:30:00Z)");
        var before = TimeOption("--accredited-before", "Only entries accredited before this time (ISO 8601)");
        var pageSize = CommonOptions.Number("--page-size", "Entries fetched per call", 100, 1, 1000);
        var command = new Command("register", "List the regulator's register (one entry per registration number and role) as a table, every page")
        {
            phase, authority, role, status, from, before, pageSize,
        };
        command.Validators.Add(result =>
        {
            if (result.GetResult(from) is not null && result.GetResult(before) is not null
                && result.GetValue(from) is var start && result.GetValue(before) is var end && end <= start)
            {
                result.AddError("--accredited-before must be later than --accredited-from");
            }
        });
        command.SetAction(async (result, ct) =>
        {
            using var endpoints = context.Connect(result);
            var client = endpoints.Regulator();
            var request = new ListRegisterEntriesRequest
            {
                PageSize = result.GetValue(pageSize),
                Phase = result.GetValue(phase)?.Trim() ?? "",
                AuthorityCode = result.GetValue(authority) ?? "",
                Role = result.GetValue(role),
                Status = result.GetValue(status),
                AccreditedFrom = result.GetResult(from) is null ? null : Timestamp.FromDateTimeOffset(result.GetValue(from)),
                AccreditedBefore = result.GetResult(before) is null ? null : Timestamp.FromDateTimeOffset(result.GetValue(before)),
            };
            var table = Tables.Create(
                Tables.Text("registration"), Tables.Text("role"), Tables.Text("status"), Tables.Text("accredited-at"),
                Tables.Text("authority"), Tables.Text("phase"), Tables.Text("updated-at"));
            var count = 0;
            do
            {
                var page = await client.ListRegisterEntriesAsync(request, cancellationToken: ct);
                foreach (var e in page.Entries)
                {
                    count++;
                    table.Row(
                        e.RegistrationNumber, RegisterText.Role(e.Role), RegisterText.Status(e.Status), Times.Iso(e.AccreditedAt),
                        e.Authority?.GssCode is { Length: > 0 } code ? code : "-", e.Phase.Length > 0 ? e.Phase : "-", Times.Iso(e.UpdatedAt));
                }

                request.PageToken = page.NextPageToken;
            }
            while (request.PageToken.Length > 0);

            var console = context.OutputConsole();
            console.WriteTable(table);
            console.WriteLine(count == 1 ? "1 entry" : string.Create(CultureInfo.InvariantCulture, $"{count} entries"));
            return 0;
        });
        return command;
    }

    private static Command Feed(VerbContext context)
    {
        var cursor = new Option<string>("--cursor")
        {
            Description = "Cursor to read on from: the one a previous feed or export printed [default: the start of the feed]",
            HelpName = "cursor",
        };
        var follow = new Option<bool>("--follow") { Description = "Keep reading new changes as they are made, until Ctrl-C" };
        var untilCaughtUp = new Option<bool>("--until-caught-up") { Description = "Stop once every change made so far is printed (the default)" };
        var command = new Command("feed", "Print the register's changes after a cursor, one a line, then the cursor to run again from") { cursor, follow, untilCaughtUp };
        command.Validators.Add(result =>
        {
            if (result.GetValue(follow) && result.GetValue(untilCaughtUp))
            {
                result.AddError("--follow and --until-caught-up cannot both be given");
            }
        });
        command.SetAction(async (result, ct) =>
        {
            using var endpoints = context.Connect(result);
            var feed = new RegisterFeed(endpoints.Regulator(), context.Output);
            try
            {
                await feed.ReadAsync(result.GetValue(cursor)?.Trim(), result.GetValue(follow), ct);
            }
            catch (Grpc.Core.RpcException) when (feed.Changes > 0)
            {
                // Where to resume, before the error is reported.
                await feed.WriteEndAsync(context.Output);
                throw;
            }

            await feed.WriteEndAsync(context.Output);
            return 0;
        });
        return command;
    }

    private static Command Export(VerbContext context)
    {
        var csv = new Option<bool>("--csv") { Description = "Write CSV (the columns of the service's export.csv) instead of protobuf JSON, one entry a line" };
        var output = new Option<FileInfo>("--out")
        {
            Description = "File to write the entries to [default: the output, with the summary on the error writer]",
            HelpName = "file",
        };
        var command = new Command("export", "Export the whole register as of one moment, streamed; then print the count, the moment (as_of) and the cursor the feed continues from") { csv, output };
        command.SetAction(async (result, ct) =>
        {
            using var endpoints = context.Connect(result);
            var export = new RegisterExport(endpoints.Regulator());
            var file = result.GetValue(output);
            TextWriter summary;
            if (file is null)
            {
                await export.WriteAsync(context.Output, result.GetValue(csv), ct);
                summary = context.Host.Error;
            }
            else
            {
                // Written beside the file and moved over it only when the export is whole.
                var partial = file.FullName + ".partial";
                await using (var writer = new StreamWriter(partial, append: false, new System.Text.UTF8Encoding(false)))
                {
                    await export.WriteAsync(writer, result.GetValue(csv), ct);
                }

                File.Move(partial, file.FullName, overwrite: true);
                summary = context.Output;
            }

            await summary.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{export.Count} entries as of {Times.Precise(export.AsOf)}{(file is null ? "" : " written to " + file.FullName)}"));
            await summary.WriteLineAsync("cursor: " + export.Cursor);
            return 0;
        });
        return command;
    }

    private static Option<DateTimeOffset> TimeOption(string name, string description)
    {
        var option = CommonOptions.Parsed<DateTimeOffset>(name, Parse.Time, $"{name} must be a time: ISO 8601, e.g. 2025-03-01 or 2025-03-01T09:30:00Z");
        option.Description = description;
        option.HelpName = "time";
        return option;
    }
}
