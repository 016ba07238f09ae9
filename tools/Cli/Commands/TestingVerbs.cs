using System.CommandLine;
using Accreditation.Cli.Bank;
using Accreditation.Cli.Output;
using Accreditation.Cli.Simulation;
using Accreditation.Contracts.Common.V1;
using Accreditation.Contracts.Testing.V1;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Spectre.Console;

namespace Accreditation.Cli.Commands;

/// <summary>Question bank and test delivery verbs: bank-seed, bank-import, bank-list, book, sit and sitting.</summary>
internal static class TestingVerbs
{
    private static readonly JsonFormatter Json = new(JsonFormatter.Settings.Default.WithIndentation());

    public static IEnumerable<Command> Create(VerbContext context) =>
        [BankSeed(context), BankImport(context), BankList(context), Book(context), Sit(context), ShowSitting(context)];

    private static Command BankSeed(VerbContext context)
    {
        var command = new Command("bank-seed", "Import the sample question bank (both roles)");
        command.SetAction(async (result, ct) =>
        {
            using var endpoints = context.Connect(result);
            var response = await endpoints.BankAdmin().ImportItemsAsync(SampleBank.Create(), cancellationToken: ct);
            await context.Output.WriteLineAsync(Json.Format(response));
            return 0;
        });
        return command;
    }

    private static Command BankImport(VerbContext context)
    {
        var file = new Option<FileInfo>("--file")
        {
            Description = "Bank to import: protobuf JSON of ImportItemsRequest",
            HelpName = "path.json",
            Required = true,
        }.AcceptExistingOnly();
        var command = new Command("bank-import", "Import a question bank from a file") { file };
        command.SetAction(async (result, ct) =>
        {
            var request = JsonParser.Default.Parse<ImportItemsRequest>(await File.ReadAllTextAsync(result.GetRequiredValue(file).FullName, ct));
            if (request.ClientRequestId.Length == 0)
            {
                request.ClientRequestId = Guid.NewGuid().ToString();
            }

            using var endpoints = context.Connect(result);
            await context.Output.WriteLineAsync(Json.Format(await endpoints.BankAdmin().ImportItemsAsync(request, cancellationToken: ct)));
            return 0;
        });
        return command;
    }

    private static Command BankList(VerbContext context)
    {
        var role = CommonOptions.Parsed<Role>("--role", Parse.Role, "--role must be practitioner or supervisor");
        role.Description = "Role whose items are listed [default: practitioner]";
        role.HelpName = "practitioner|supervisor";
        var command = new Command("bank-list", "List a role's question bank items as a table") { role };
        command.SetAction(async (result, ct) =>
        {
            using var endpoints = context.Connect(result);
            var request = new ListItemsRequest
            {
                Role = result.GetResult(role) is null ? Role.ChildAndFamilyPractitioner : result.GetValue(role),
                Page = new PageRequest { PageSize = 200 },
            };
            var table = Tables.Create(
                Tables.Text("item"), Tables.Number("version"), Tables.Number("KSS"), Tables.Text("format"), Tables.Text("status"), Tables.Text("scenario"));
            var count = 0;
            do
            {
                var page = await endpoints.BankAdmin().ListItemsAsync(request, cancellationToken: ct);
                foreach (var item in page.Items)
                {
                    count++;
                    table.Row(item.ItemId, item.Version, item.KssStatement, item.Format, item.Status, item.ScenarioId);
                }

                request.Page.PageToken = page.NextPageToken;
            }
            while (request.Page.PageToken.Length > 0);

            var console = context.OutputConsole();
            console.WriteTable(table);
            console.WriteLine($"{count} items");
            return 0;
        });
        return command;
    }

    private static Command Book(VerbContext context)
    {
        var enrolment = CommonOptions.Enrolment();
        var mode = CommonOptions.Parsed<DeliveryMode>("--mode", Parse.Mode, "--mode must be online or centre");
        mode.Description = "Where the candidate sits the test [default: centre when --centre is given, else online]";
        mode.HelpName = "online|centre";
        var centre = new Option<string>("--centre") { Description = "Test centre of a centre sitting", HelpName = "name" };
        var requestId = CommonOptions.RequestId();
        var command = new Command("book", "Book a knowledge-test sitting for an endorsed enrolment") { enrolment, mode, centre, requestId };
        command.SetAction(async (result, ct) =>
        {
            using var endpoints = context.Connect(result);
            var testCentre = result.GetValue(centre);
            var response = await endpoints.Delivery().BookSittingAsync(
                new BookSittingRequest
                {
                    ClientRequestId = result.GetValue(requestId) ?? Guid.NewGuid().ToString(),
                    EnrolmentId = result.GetRequiredValue(enrolment),
                    SlotStart = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow),
                    Mode = result.GetResult(mode) is not null ? result.GetValue(mode)
                        : testCentre is null ? DeliveryMode.Online : DeliveryMode.TestCentre,
                    TestCentre = testCentre ?? "",
                },
                cancellationToken: ct);
            await context.Output.WriteLineAsync(Json.Format(response.Sitting));
            return 0;
        });
        return command;
    }

    private static Command Sit(VerbContext context)
    {
        var sitting = CommonOptions.Sitting();
        var ability = CommonOptions.Fraction("--ability", "Share of items answered right, from 0 to 1", 0.8);
        var command = new Command("sit", "Sit a booked sitting: start, answer (a share right) and submit; prints the result") { sitting, ability };
        command.SetAction(async (result, ct) =>
        {
            using var endpoints = context.Connect(result);
            var id = result.GetRequiredValue(sitting);
            var delivery = endpoints.Delivery();
            var started = await delivery.StartSittingAsync(new StartSittingRequest { SittingId = id }, cancellationToken: ct);
            await context.Output.WriteLineAsync($"{started.Items.Count} items, deadline {started.Sitting.Deadline.ToDateTimeOffset():u}");
            var answers = await Candidate.AnswerAsync(started.Items, new KeyBook(endpoints.BankAdmin()), result.GetValue(ability), new Random());
            await delivery.SaveAnswersAsync(new SaveAnswersRequest { SittingId = id, Answers = { answers } }, cancellationToken: ct);
            var scored = await delivery.SubmitSittingAsync(new SubmitSittingRequest { SittingId = id }, cancellationToken: ct);
            await context.Output.WriteLineAsync(Json.Format(scored.Sitting));
            return 0;
        });
        return command;
    }

    private static Command ShowSitting(VerbContext context)
    {
        var sitting = CommonOptions.Sitting();
        var command = new Command("sitting", "Show a sitting") { sitting };
        command.SetAction(async (result, ct) =>
        {
            using var endpoints = context.Connect(result);
            var response = await endpoints.Delivery().GetSittingAsync(new GetSittingRequest { SittingId = result.GetRequiredValue(sitting) }, cancellationToken: ct);
            await context.Output.WriteLineAsync(Json.Format(response.Sitting));
            return 0;
        });
        return command;
    }
}
