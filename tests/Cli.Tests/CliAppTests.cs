using System.CommandLine;
using Accreditation.Cli.Tests.Support;

namespace Accreditation.Cli.Tests;

public sealed class CliAppTests
{
    /// <summary>Every verb accredit has; README, run.sh and the system tests use them by these names.</summary>
    private static readonly string[] VerbNames =
    [
        "token", "enrol", "endorse", "withdraw", "move", "show", "list", "bank-seed", "bank-import", "bank-list",
        "book", "sit", "sitting", "scenario-seed", "scenarios", "assessor-register", "assessors", "actor-register", "actors",
        "schedule", "session", "outcome", "score", "moderation", "moderate", "outbox", "deadletters", "replay-deadletter", "simulate",
        "status", "check", "register", "feed", "export", "evaluation",
    ];

    /// <summary>Every command that runs something: the verbs, with outbox's own verbs instead of outbox.</summary>
    private static readonly string[] LeafCommands =
        [.. VerbNames.Where(v => v != "outbox"), "outbox status", "outbox parked", "outbox requeue"];

    public static TheoryData<string> Verbs => [.. LeafCommands];

    /// <summary>Command lines written down elsewhere: README's "accredit, the CLI", run.sh's demo, tests/System.Tests.</summary>
    public static readonly TheoryData<string[]> DocumentedCommandLines =
    [
        ["token", "--scope", "enrolment.hr", "--authority", "E08000002"],
        ["enrol", "--authority", "E08000002", "--registration-number", "SW123", "--given-name", "Asha", "--family-name", "Patel", "--email", "asha@bury.example.gov.uk", "--role", "practitioner", "--filming-consent"],
        ["enrol", "--authority", "E08000002", "--registration-number", "SW100001", "--given-name", "Asha", "--family-name", "Patel", "--email", "asha.patel@bury.example.gov.uk", "--role", "practitioner", "--hr-reference", "BURY-1", "--filming-consent"],
        ["endorse", "--authority", "E08000002", "--enrolment", "id", "--endorser-name", "Sam Jones"],
        ["withdraw", "--authority", "E08000002", "--enrolment", "id", "--reason", "Personal circumstances"],
        ["move", "--authority", "E08000002", "--enrolment", "id", "--to", "E08000010"],
        ["show", "--authority", "E08000002", "--enrolment", "id"],
        ["list", "--authority", "E08000002", "--state", "endorsed"],
        ["bank-seed"],
        ["book", "--enrolment", "id"],
        ["sit", "--sitting", "id", "--ability", "0.8"],
        ["sitting", "--sitting", "id"],
        ["replay-deadletter", "--app", "testing", "--topic", "enrolment.candidate-endorsed"],
        ["deadletters"],
        ["simulate", "--phase", "phase-1", "--candidates", "200", "--concurrency", "16"],
        ["simulate", "--phase", "phase-1", "--candidates", "20", "--seed", "7"],
        ["simulate", "--phase", "phase-1", "--candidates", "50"],
        ["simulate", "--phase", "phase-1", "--candidates", "20", "--seed", "7", "--skip-observation"],
        ["simulate", "--phase", "phase-1", "--candidates", "25", "--max-sessions", "3"],
        ["token", "--scope", "observation.assessor", "--subject", "sim-assessor-independent-1"],
        ["scenario-seed"],
        ["scenarios", "--role", "supervisor", "--kind", "simulation"],
        ["assessor-register", "--assessor", "asha-khan", "--name", "Asha Khan", "--authority", "E08000003", "--roles", "practitioner,supervisor", "--previous-employment", "E08000002:2019-04-01:2024-03-31"],
        ["assessors"],
        ["actor-register", "--actor", "actor-1", "--name", "Kelly Carter"],
        ["actors"],
        ["schedule", "--enrolment", "id", "--assessor", "asha-khan", "--location", "Leeds assessment centre", "--slot", "2030-03-01T09:30:00Z"],
        ["schedule", "--enrolment", "id"],
        ["session", "--session", "id"],
        ["score", "--session", "id", "--assessor", "asha-khan", "--ability", "0.6"],
        ["moderation"],
        ["moderate", "--session", "id", "--second-assessor", "sam-lee"],
        ["moderate", "--session", "id", "--decide", "mean", "--rationale", "Both markings weighed"],
        ["outcome", "--session", "id"],
        ["outbox", "status", "--service", "observation"],
        ["outbox", "parked", "--service", "enrolment"],
        ["outbox", "requeue", "--service", "testing", "--entry", "id"],
        ["status", "--registration-number", "SW123"],
        ["check", "--registration-numbers", "SW123,SW124", "--csv"],
        ["register", "--phase", "phase-1", "--status", "accredited"],
        ["feed", "--until-caught-up"],
        ["feed", "--cursor", "cursor", "--follow"],
        ["export", "--csv", "--out", "register.csv"],
        ["simulate", "--phase", "phase-1", "--candidates", "20", "--seed", "7", "--skip-register-check"],
        ["evaluation", "--phase", "phase-1", "--groups", "sex"],
        ["evaluation", "--phase", "phase-1", "--page-url"],
        ["simulate", "--phase", "phase-1", "--candidates", "50", "--skip-evaluation"],
    ];

    [Theory]
    [MemberData(nameof(DocumentedCommandLines))]
    public void Build_DocumentedCommandLine_ParsesWithoutErrors(string[] args)
    {
        var result = CliApp.Build(new CliHost(TextWriter.Null, TextWriter.Null)).Parse(args);

        Assert.Empty(result.Errors);
        Assert.Equal(args[0] == "outbox" ? args[1] : args[0], result.CommandResult.Command.Name);
    }

    [Fact]
    public void Build_SimulateWithoutOptions_TheDocumentedDefaults()
    {
        var result = CliApp.Build(new CliHost(TextWriter.Null, TextWriter.Null)).Parse(["simulate"]);

        Assert.Empty(result.Errors);
        Assert.Equal("phase-1", result.GetValue<string>("--phase"));
        Assert.Equal(50, result.GetValue<int>("--candidates"));
        Assert.Equal(16, result.GetValue<int>("--concurrency"));
        Assert.Equal(3, result.GetValue<int>("--max-sittings"));
        Assert.Equal(0.05, result.GetValue<double>("--withdrawal-share"));
        Assert.False(result.GetValue<bool>("--enrolment-only"));
        Assert.False(result.GetValue<bool>("--skip-observation"));
        Assert.Equal(3, result.GetValue<int>("--max-sessions"));
        Assert.False(result.GetValue<bool>("--skip-register-check"));
        Assert.False(result.GetValue<bool>("--skip-evaluation"));
        Assert.Null(result.GetResult("--seed"));
    }

    [Fact]
    public void Build_EveryVerbAndOption_HasADescription()
    {
        var root = CliApp.Build(new CliHost(TextWriter.Null, TextWriter.Null));

        Assert.Equal(VerbNames.Order(StringComparer.Ordinal), root.Subcommands.Where(c => !c.Hidden).Select(c => c.Name).Order(StringComparer.Ordinal));
        var commands = root.Subcommands.Concat(root.Subcommands.SelectMany(c => c.Subcommands)).ToList();
        Assert.Equal(["status", "parked", "requeue"], root.Subcommands.Single(c => c.Name == "outbox").Subcommands.Select(c => c.Name));
        Assert.All(commands, c => Assert.False(string.IsNullOrWhiteSpace(c.Description), c.Name));
        Assert.All(commands.SelectMany(c => c.Options).Concat(root.Options), o => Assert.False(string.IsNullOrWhiteSpace(o.Description), o.Name));
    }

    [Fact]
    public async Task RunAsync_Help_ExitCode0ListingEveryVerbAndGlobalOption()
    {
        var run = await CliRun.RunAsync(["--help"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Usage:", run.Output, StringComparison.Ordinal);
        Assert.Contains("accredit [command] [options]", run.Output, StringComparison.Ordinal);
        Assert.All(VerbNames, v => Assert.Matches($@"(?m)^\s+{v}\s+\S", run.Output));
        Assert.All(["--token", "--enrolment-url", "--testing-url", "--observation-url", "--reporting-url", "--signing-key"], o => Assert.Contains(o, run.Output, StringComparison.Ordinal));
        Assert.DoesNotContain('\u001b', run.Output);
    }

    [Fact]
    public async Task RunAsync_HelpVerb_SameAsHelpOption()
    {
        var verb = await CliRun.RunAsync(["help"]);
        var option = await CliRun.RunAsync(["--help"]);

        Assert.Equal(0, verb.ExitCode);
        Assert.Equal(option.Output, verb.Output);
        Assert.DoesNotMatch(@"(?m)^\s+help\s", verb.Output);
    }

    [Theory]
    [MemberData(nameof(Verbs))]
    public async Task RunAsync_VerbHelp_ExitCode0ListingEveryOptionWithItsDescription(string verb)
    {
        var path = verb.Split(' ');
        Command command = CliApp.Build(new CliHost(TextWriter.Null, TextWriter.Null));
        foreach (var name in path)
        {
            command = command.Subcommands.Single(c => c.Name == name);
        }

        var run = await CliRun.RunAsync([.. path, "--help"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains($"accredit {verb} [options]", run.Output, StringComparison.Ordinal);
        foreach (var option in command.Options.Where(o => o.Name != "--help"))
        {
            var line = run.Output.Split('\n').SingleOrDefault(l => l.TrimStart().StartsWith(option.Name + " ", StringComparison.Ordinal));
            Assert.True(line is not null, $"{option.Name} missing from help:\n{run.Output}");
            Assert.Contains(option.Description!.Split('[')[0].Trim(), line, StringComparison.Ordinal);
        }

        Assert.Contains("--token <jwt>", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_UnknownVerb_ExitCode2NamingItWithHelp()
    {
        var run = await CliRun.RunAsync(["frobnicate"]);

        Assert.Equal(CliApp.UsageError, run.ExitCode);
        Assert.Contains("'frobnicate'", run.Error, StringComparison.Ordinal);
        Assert.Contains("accredit [command] [options]", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Output);
    }

    [Fact]
    public async Task RunAsync_MisspeltVerb_ExitCode2SuggestingTheVerb()
    {
        var run = await CliRun.RunAsync(["shwo", "--authority", "E08000002", "--enrolment", "x"]);

        Assert.Equal(CliApp.UsageError, run.ExitCode);
        Assert.Contains("'shwo'", run.Error, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^show\s*$", run.Error);
    }

    [Fact]
    public async Task RunAsync_MisspeltOption_ExitCode2NamingItAndSuggestingTheOption()
    {
        var run = await CliRun.RunAsync(["show", "--authority", "E08000002", "--enrolmnt", "x"]);

        Assert.Equal(CliApp.UsageError, run.ExitCode);
        Assert.Contains("'--enrolmnt'", run.Error, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^--enrolment\s*$", run.Error);
        Assert.Contains("accredit show [options]", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("show --authority E08000002", "--enrolment")]
    [InlineData("show --enrolment x", "--authority")]
    [InlineData("enrol --authority E08000002 --registration-number SW1 --given-name G --family-name F", "--email")]
    [InlineData("replay-deadletter --topic enrolment.candidate-enrolled", "--app")]
    [InlineData("replay-deadletter --app testing", "--topic")]
    [InlineData("sit", "--sitting")]
    public async Task RunAsync_RequiredOptionMissing_ExitCode2NamingIt(string commandLine, string missing)
    {
        var run = await CliRun.RunAsync(commandLine.Split(' '));

        Assert.Equal(CliApp.UsageError, run.ExitCode);
        Assert.Contains($"Option '{missing}' is required.", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("simulate --candidates many", "--candidates must be a whole number from 1 to 100000")]
    [InlineData("simulate --candidates 0", "--candidates must be a whole number from 1 to 100000")]
    [InlineData("simulate --withdrawal-share 1.5", "--withdrawal-share must be a number from 0 to 1")]
    [InlineData("simulate --phase phase-2", "--authorities (comma-separated GSS codes) is required for phase-2")]
    [InlineData("list --authority E08000002 --state lapsed", "--state must be enrolled, endorsed or withdrawn")]
    [InlineData("enrol --authority A --registration-number SW1 --given-name G --family-name F --email E --role manager", "--role must be practitioner or supervisor")]
    [InlineData("book --enrolment x --mode post", "--mode must be online or centre")]
    [InlineData("replay-deadletter --app my.app --topic t", "--app is a Dapr app id, which has no dots")]
    [InlineData("--enrolment-url nowhere show --authority A --enrolment x", "--enrolment-url must be an http:// or https:// URL, not 'nowhere'")]
    [InlineData("show", "Option '--authority' is required.")]
    public async Task RunAsync_MalformedValue_ExitCode2Saying(string commandLine, string message)
    {
        var run = await CliRun.RunAsync(commandLine.Split(' '));

        Assert.Equal(CliApp.UsageError, run.ExitCode);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_NoVerb_ExitCode2WithHelp()
    {
        var run = await CliRun.RunAsync([]);

        Assert.Equal(CliApp.UsageError, run.ExitCode);
        Assert.Contains("accredit [command] [options]", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_Token_PrintsAJwtCarryingScopeAndAuthority()
    {
        var run = await CliRun.RunAsync(["token", "--scope", "enrolment.hr", "--authority", "E08000002"]);

        Assert.Equal(0, run.ExitCode);
        var claims = Jwt.Payload(run.Output.Trim());
        Assert.Equal("E08000002", claims.GetProperty("local_authority").GetString());
        Assert.Equal("enrolment.hr", claims.GetProperty("scope").GetString());
    }

    [Fact]
    public async Task RunAsync_ServiceUnreachable_ExitCode1WithStatus()
    {
        var run = await CliRun.RunAsync(["show", "--authority", "E08000002", "--enrolment", "x", "--enrolment-url", "http://127.0.0.1:1"]);

        Assert.Equal(CliApp.Failed, run.ExitCode);
        Assert.Contains("accredit: Unavailable", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_OptionWithEquals_Read()
    {
        var run = await CliRun.RunAsync(["token", "--scope=testing.delivery"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("testing.delivery", Jwt.Payload(run.Output.Trim()).GetProperty("scope").GetString());
    }
}
