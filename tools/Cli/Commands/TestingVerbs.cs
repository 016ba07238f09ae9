using System.Globalization;
using Accreditation.Cli.Bank;
using Accreditation.Cli.Simulation;
using Accreditation.Contracts.Common.V1;
using Accreditation.Contracts.Testing.V1;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;

namespace Accreditation.Cli.Commands;

/// <summary>Question bank and test delivery verbs.</summary>
internal static class TestingVerbs
{
    private static readonly JsonFormatter Json = new(JsonFormatter.Settings.Default.WithIndentation());

    public static async Task<int> BankSeedAsync(Endpoints endpoints, TextWriter output)
    {
        var response = await endpoints.BankAdmin().ImportItemsAsync(SampleBank.Create());
        await output.WriteLineAsync(Json.Format(response));
        return 0;
    }

    public static async Task<int> BankImportAsync(CliArguments args, Endpoints endpoints, TextWriter output)
    {
        var request = JsonParser.Default.Parse<ImportItemsRequest>(await File.ReadAllTextAsync(args.Required("file")));
        if (request.ClientRequestId.Length == 0)
        {
            request.ClientRequestId = Guid.NewGuid().ToString();
        }

        await output.WriteLineAsync(Json.Format(await endpoints.BankAdmin().ImportItemsAsync(request)));
        return 0;
    }

    public static async Task<int> BankListAsync(CliArguments args, Endpoints endpoints, TextWriter output)
    {
        var request = new ListItemsRequest { Role = Parse.Role(args.OrDefault("role", "practitioner")), Page = new PageRequest { PageSize = 200 } };
        var count = 0;
        do
        {
            var page = await endpoints.BankAdmin().ListItemsAsync(request);
            foreach (var item in page.Items)
            {
                count++;
                await output.WriteLineAsync($"{item.ItemId,-14} v{item.Version}  KSS {item.KssStatement,2}  {item.Format,-14}  {item.Status,-7}  {item.ScenarioId}");
            }

            request.Page.PageToken = page.NextPageToken;
        }
        while (request.Page.PageToken.Length > 0);

        await output.WriteLineAsync($"{count} items");
        return 0;
    }

    public static async Task<int> BookAsync(CliArguments args, Endpoints endpoints, TextWriter output)
    {
        var centre = args.Optional("centre");
        var response = await endpoints.Delivery().BookSittingAsync(new BookSittingRequest
        {
            ClientRequestId = args.OrDefault("request-id", Guid.NewGuid().ToString()),
            EnrolmentId = args.Required("enrolment"),
            SlotStart = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow),
            Mode = args.OrDefault("mode", centre is null ? "online" : "centre") switch
            {
                "online" => DeliveryMode.Online,
                "centre" => DeliveryMode.TestCentre,
                _ => throw new UsageException("--mode must be online or centre"),
            },
            TestCentre = centre ?? "",
        });
        await output.WriteLineAsync(Json.Format(response.Sitting));
        return 0;
    }

    public static async Task<int> SitAsync(CliArguments args, Endpoints endpoints, TextWriter output)
    {
        var id = args.Required("sitting");
        var ability = args.Fraction("ability", 0.8);
        var delivery = endpoints.Delivery();
        var started = await delivery.StartSittingAsync(new StartSittingRequest { SittingId = id });
        await output.WriteLineAsync($"{started.Items.Count} items, deadline {started.Sitting.Deadline.ToDateTimeOffset():u}");
        var answers = await Candidate.AnswerAsync(started.Items, new KeyBook(endpoints.BankAdmin()), ability, new Random());
        await delivery.SaveAnswersAsync(new SaveAnswersRequest { SittingId = id, Answers = { answers } });
        var scored = await delivery.SubmitSittingAsync(new SubmitSittingRequest { SittingId = id });
        await output.WriteLineAsync(Json.Format(scored.Sitting));
        return 0;
    }

    public static async Task<int> ShowSittingAsync(CliArguments args, Endpoints endpoints, TextWriter output)
    {
        var response = await endpoints.Delivery().GetSittingAsync(new GetSittingRequest { SittingId = args.Required("sitting") });
        await output.WriteLineAsync(Json.Format(response.Sitting));
        return 0;
    }
}
