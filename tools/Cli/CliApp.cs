using Accreditation.Cli.Commands;
using Grpc.Core;

namespace Accreditation.Cli;

/// <summary>The accredit command: parses the verb and runs it.</summary>
public static class CliApp
{
    public const string Usage = """
        usage: accredit <verb> [--option value ...]
          token     --scope enrolment.hr --authority E08000002
          enrol     --authority GSS --registration-number SW123 --given-name G --family-name F --email E
                    [--role practitioner|supervisor] [--hr-reference R] [--filming-consent] [--request-id ID]
          endorse   --authority GSS --enrolment ID --endorser-name N [--endorser-title T]
          withdraw  --authority GSS --enrolment ID [--reason R]
          move      --authority GSS --enrolment ID --to GSS [--hr-reference R]
          show      --authority GSS --enrolment ID
          list      --authority GSS [--role R] [--state enrolled|endorsed|withdrawn]
          bank-seed                    import the sample question bank (both roles)
          bank-import --file F.json    import a bank (protobuf JSON of ImportItemsRequest)
          bank-list   --role R
          book      --enrolment ID [--mode online|centre] [--centre NAME]
          sit       --sitting ID [--ability 0.8]   start, answer (a share right) and submit
          sitting   --sitting ID
          replay-deadletter --topic T [--broker 127.0.0.1:6380] [--max N]   dead letters back to their topic
          simulate  [--phase phase-1] [--candidates 50] [--concurrency 16] [--seed N] [--authorities GSS,GSS]
                    [--max-sittings 3] [--withdrawal-share 0.05] [--enrolment-only]
        common: --enrolment-url http://127.0.0.1:5000 (or ACCREDIT_ENROLMENT_URL),
                --testing-url http://127.0.0.1:5010 (or ACCREDIT_TESTING_URL), --signing-key K (or ACCREDIT_SIGNING_KEY)
        """;

    private static readonly HashSet<string> Flags = ["filming-consent", "help", "enrolment-only"];

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        try
        {
            var parsed = CliArguments.Parse(args, Flags);
            using var endpoints = new Endpoints(parsed);
            return parsed.Verb switch
            {
                "token" => await TokenVerb.RunAsync(parsed, endpoints, output),
                "enrol" => await EnrolmentVerbs.EnrolAsync(parsed, endpoints, output),
                "endorse" => await EnrolmentVerbs.EndorseAsync(parsed, endpoints, output),
                "withdraw" => await EnrolmentVerbs.WithdrawAsync(parsed, endpoints, output),
                "move" => await EnrolmentVerbs.MoveAsync(parsed, endpoints, output),
                "show" => await EnrolmentVerbs.ShowAsync(parsed, endpoints, output),
                "list" => await EnrolmentVerbs.ListAsync(parsed, endpoints, output),
                "simulate" => await SimulateVerb.RunAsync(parsed, endpoints, output, error),
                "bank-seed" => await TestingVerbs.BankSeedAsync(endpoints, output),
                "bank-import" => await TestingVerbs.BankImportAsync(parsed, endpoints, output),
                "bank-list" => await TestingVerbs.BankListAsync(parsed, endpoints, output),
                "book" => await TestingVerbs.BookAsync(parsed, endpoints, output),
                "sit" => await TestingVerbs.SitAsync(parsed, endpoints, output),
                "sitting" => await TestingVerbs.ShowSittingAsync(parsed, endpoints, output),
                "replay-deadletter" => await ReplayVerb.RunAsync(parsed, output),
                "help" => await Help(output),
                _ => throw new UsageException($"unknown verb '{parsed.Verb}'"),
            };
        }
        catch (UsageException e)
        {
            await error.WriteLineAsync("accredit: " + e.Message);
            await error.WriteLineAsync(Usage);
            return 2;
        }
        catch (RpcException e)
        {
            await error.WriteLineAsync($"accredit: {e.StatusCode}: {e.Status.Detail}");
            return 1;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException
            or Google.Protobuf.InvalidJsonException or Google.Protobuf.InvalidProtocolBufferException or StackExchange.Redis.RedisException)
        {
            await error.WriteLineAsync($"accredit: {e.Message}");
            return 1;
        }
    }

    private static async Task<int> Help(TextWriter output)
    {
        await output.WriteLineAsync(Usage);
        return 0;
    }
}
