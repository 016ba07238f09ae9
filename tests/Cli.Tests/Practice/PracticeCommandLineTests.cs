using Accreditation.Cli.Practice;
using Accreditation.Cli.Tests.Support;
using Accreditation.Contracts.Common.V1;

namespace Accreditation.Cli.Tests.Practice;

/// <summary>The command lines of the simulated-practice, outbox and simulate verbs: what is required, what is refused (exit 2), what is read.</summary>
public sealed class PracticeCommandLineTests
{
    private static System.CommandLine.ParseResult Parse(params string[] args) =>
        CliApp.Build(new CliHost(TextWriter.Null, TextWriter.Null)).Parse(args);

    [Theory]
    [InlineData("assessor-register --name N", "--assessor")]
    [InlineData("assessor-register --assessor a", "--name")]
    [InlineData("actor-register --name N", "--actor")]
    [InlineData("actor-register --actor a", "--name")]
    [InlineData("schedule --assessor a", "--enrolment")]
    [InlineData("session", "--session")]
    [InlineData("outcome", "--session")]
    [InlineData("score --assessor a", "--session")]
    [InlineData("score --session s", "--assessor")]
    [InlineData("moderate --decide mean", "--session")]
    [InlineData("outbox status", "--service")]
    [InlineData("outbox parked", "--service")]
    [InlineData("outbox requeue --entry e", "--service")]
    [InlineData("outbox requeue --service testing", "--entry")]
    public async Task RunAsync_RequiredOptionMissing_ExitCode2NamingIt(string commandLine, string missing)
    {
        var run = await CliRun.RunAsync(commandLine.Split(' '));

        Assert.Equal(CliApp.UsageError, run.ExitCode);
        Assert.Contains($"Option '{missing}' is required.", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Output);
    }

    [Theory]
    [InlineData("outbox status --service reporting", "--service must be enrolment, testing or observation")]
    [InlineData("outbox parked --service testing --max 0", "--max must be a whole number from 1 to 1000")]
    [InlineData("outbox parked --service testing --max 1001", "--max must be a whole number from 1 to 1000")]
    [InlineData("outbox requeue --service testing --entry bad/id", "--entry must be an id")]
    [InlineData("scenarios --role manager", "--role must be practitioner or supervisor")]
    [InlineData("scenarios --kind essay", "--kind must be simulation, reflective or written")]
    [InlineData("assessor-register --assessor a --name N --authority Bury", "--authority must be a GSS code such as E08000002")]
    [InlineData("assessor-register --assessor a --name N --roles practitioner,manager", "--roles must be practitioner, supervisor or both")]
    [InlineData("assessor-register --assessor a --name N --previous-employment E08000003:2024-01-01", "--previous-employment must be GSS:from:to")]
    [InlineData("assessor-register --assessor a --name N --previous-employment E08000003:2024-01-01:2020-01-01", "not 'E08000003:2024-01-01:2020-01-01'")]
    [InlineData("assessor-register --assessor has/slash --name N", "--assessor must be an id")]
    [InlineData("actor-register --actor -lead --name N", "--actor must be an id")]
    [InlineData("schedule --enrolment e --slot tomorrow", "--slot must be an ISO 8601 time")]
    [InlineData("schedule --enrolment e --assessor a/b", "--assessor must be an id")]
    [InlineData("score --session s --assessor a --ability 2", "--ability must be a number from 0 to 1")]
    [InlineData("score --session s --assessor a --seed x", "--seed must be a whole number")]
    [InlineData("moderate --session s", "moderate needs exactly one of --second-assessor and --decide")]
    [InlineData("moderate --session s --second-assessor a --decide mean", "moderate needs exactly one of --second-assessor and --decide")]
    [InlineData("moderate --session s --decide median", "--decide must be first, second or mean")]
    [InlineData("moderate --session s --second-assessor a --rationale why", "--rationale goes with --decide")]
    [InlineData("moderate --session s --second-assessor a/b", "--second-assessor must be an id")]
    [InlineData("token --scope observation.assessor", "--subject (the assessor id) is required for observation.assessor")]
    [InlineData("simulate --max-sessions 0", "--max-sessions must be a whole number from 1 to 20")]
    [InlineData("simulate --max-sessions 21", "--max-sessions must be a whole number from 1 to 20")]
    [InlineData("--observation-url nowhere session --session s", "--observation-url must be an http:// or https:// URL, not 'nowhere'")]
    public async Task RunAsync_MalformedValue_ExitCode2Saying(string commandLine, string message)
    {
        var run = await CliRun.RunAsync(commandLine.Split(' '));

        Assert.Equal(CliApp.UsageError, run.ExitCode);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Output);
    }

    [Fact]
    public async Task RunAsync_OutboxWithoutItsVerb_ExitCode2ListingThem()
    {
        var run = await CliRun.RunAsync(["outbox", "--service", "testing"]);

        Assert.Equal(CliApp.UsageError, run.ExitCode);
        Assert.Contains("accredit outbox [command] [options]", run.Error, StringComparison.Ordinal);
        Assert.All(["status", "parked", "requeue"], v => Assert.Matches($@"(?m)^\s+{v}\s+\S", run.Error));
    }

    [Fact]
    public async Task RunAsync_ObservationUrlVariableNotAUrl_ExitCode2NamingTheVariable()
    {
        var run = await CliRun.RunAsync(["session", "--session", "s"], new Dictionary<string, string> { [GlobalOptions.ObservationUrlVariable] = "observation:5020" });

        Assert.Equal(CliApp.UsageError, run.ExitCode);
        Assert.Contains(GlobalOptions.ObservationUrlVariable, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_SimulateWithAGivenToken_ExitCode2AskingForSkipObservation()
    {
        var services = new FakeGrpcHandler();

        var run = await CliRun.RunAsync(["simulate", "--candidates", "1", "--token", "a.b.c"], services: services);

        Assert.Equal(CliApp.UsageError, run.ExitCode);
        Assert.Contains("add --skip-observation", run.Error, StringComparison.Ordinal);
        Assert.Empty(services.Requests);
    }

    [Fact]
    public void Parse_AssessorRegisterWithRepeatedPreviousEmployment_EveryPeriodRead()
    {
        var result = Parse("assessor-register", "--assessor", "a", "--name", "A",
            "--previous-employment", "E08000003:2019-04-01:2021-03-31", "--previous-employment", "E08000010:2021-04-01:2024-03-31");

        Assert.Empty(result.Errors);
        var periods = result.GetValue<List<Contracts.Observation.V1.EmploymentPeriod>>("--previous-employment")!;
        Assert.Equal(["E08000003", "E08000010"], periods.Select(p => p.AuthorityCode));
        Assert.Equal(new DateTimeOffset(2021, 4, 1, 0, 0, 0, TimeSpan.Zero), periods[1].From.ToDateTimeOffset());
    }

    [Fact]
    public void Parse_AssessorRegisterRoles_BothSpellingsAndDuplicatesOnce()
    {
        var result = Parse("assessor-register", "--assessor", "a", "--name", "A", "--roles", "Supervisor, practitioner,supervisor");

        Assert.Empty(result.Errors);
        Assert.Equal([Role.PracticeSupervisor, Role.ChildAndFamilyPractitioner], result.GetValue<Role[]>("--roles"));
    }

    [Fact]
    public void Parse_ModerateDecide_TheBasis()
    {
        var result = Parse("moderate", "--session", "s", "--decide", "SECOND");

        Assert.Empty(result.Errors);
        Assert.Equal(ModerationBasis.Second, result.GetValue<ModerationBasis>("--decide"));
        Assert.Equal(Subjects.Moderator, result.GetValue<string>("--moderator"));
    }

    [Fact]
    public void Parse_ScoreWithoutAbility_NineTenths()
    {
        var result = Parse("score", "--session", "s", "--assessor", "a");

        Assert.Empty(result.Errors);
        Assert.Equal(0.9, result.GetValue<double>("--ability"));
        Assert.False(result.GetValue<bool>("--draft"));
    }

    [Fact]
    public void Parse_ScheduleSlotWithOffset_ReadAsUtc()
    {
        var result = Parse("schedule", "--enrolment", "e", "--slot", "2030-03-01T10:30:00+01:00");

        Assert.Empty(result.Errors);
        Assert.Equal(new DateTimeOffset(2030, 3, 1, 9, 30, 0, TimeSpan.Zero), result.GetValue<DateTimeOffset>("--slot"));
        Assert.Equal("Manchester assessment centre, room 2", result.GetValue<string>("--location"));
    }

    [Fact]
    public void Parse_OutboxServiceAnyCase_TheService()
    {
        var result = Parse("outbox", "status", "--service", "Observation");

        Assert.Empty(result.Errors);
        Assert.Equal(ServiceName.Observation, result.GetValue<ServiceName>("--service"));
    }

    [Fact]
    public void Parse_SimulateSkipObservation_ReadWithTheDocumentedCommandLine()
    {
        var result = Parse("simulate", "--phase", "phase-1", "--candidates", "20", "--seed", "7", "--skip-observation", "--max-sessions", "2");

        Assert.Empty(result.Errors);
        Assert.True(result.GetValue<bool>("--skip-observation"));
        Assert.Equal(2, result.GetValue<int>("--max-sessions"));
        Assert.Equal(7, result.GetValue<int>("--seed"));
    }
}
