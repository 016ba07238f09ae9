using System.Text.RegularExpressions;
using Accreditation.Cli.Commands;
using Accreditation.Cli.Tests.Support;
using Accreditation.Contracts.Common.V1;
using Accreditation.Contracts.Reporting.V1;
using Grpc.Core;
using static Accreditation.Cli.Tests.Support.EvaluationFigures;

namespace Accreditation.Cli.Tests.Reporting;

/// <summary>The evaluation verb against a fake RegulatorReporting in process: what it sends, as whom, where, and what it prints.</summary>
public sealed partial class EvaluationVerbTests
{
    private const string Service = "/accreditation.reporting.v1.EvaluationService/";

    [GeneratedRegex(@"\s{2,}")]
    private static partial Regex Columns();

    private static string[][] Rows(string output) =>
        [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(l => Columns().Split(l))];

    private static GetStageFiguresResponse BothRoles() => new()
    {
        Rows =
        {
            Stages("phase-1", Role.ChildAndFamilyPractitioner, "E08000002", C, C, C),
            Stages("phase-1", Role.ChildAndFamilyPractitioner, null, N("23"), N("65.2"), N("38")),
            Stages("phase-1", Role.PracticeSupervisor, null, C, Z, C),
        },
    };

    /// <summary>Answers GetStageFigures with <paramref name="stages"/> and GetGroupGaps with the asked phase, role and dimension: one flagged group, one suppressed, the cohort.</summary>
    private static FakeGrpcHandler Reporting(GetStageFiguresResponse stages) => new()
    {
        RespondTo = (path, message) => path switch
        {
            Service + "GetStageFigures" => stages,
            Service + "GetGroupGaps" => GroupsFor(GetGroupGapsRequest.Parser.ParseFrom(message)),
            _ => null,
        },
    };

    private static GetGroupGapsResponse GroupsFor(GetGroupGapsRequest request) => Gaps(
        request.Phase,
        request.Role,
        request.Dimension,
        Group("DISABILITY_YES", "Yes", N("9"), Measure(N("33.3"), N("12.1"), N("64.6"), N("-35.0"), N("-58.2"), N("-3.9"), flagged: true)),
        Group("NOT_RECORDED", "Not recorded", C, Suppressed),
        Group("ALL", "All", N("23"), Measure(N("65.2"), N("44.9"), N("81.2"), Z, Z, Z), all: true));

    [Fact]
    public async Task RunAsync_Evaluation_AsksOnceAsTheEvaluationSubjectAtTheReportingAddressPrintingFiguresVerbatim()
    {
        var services = Reporting(BothRoles());

        var run = await CliRun.RunAsync(["evaluation", "--phase", " phase-1 ", "--authority", "E08000002", "--role", "practitioner"], services: services);

        Assert.True(run.ExitCode == 0, run.ToString());
        var request = Assert.Single(services.Sent<GetStageFiguresRequest>("GetStageFigures"));
        Assert.Equal(("phase-1", "E08000002", Role.ChildAndFamilyPractitioner), (request.Phase, request.AuthorityCode, request.Role));
        Assert.Equal([Service + "GetStageFigures"], services.Paths);
        var claims = Jwt.Payload(services.BearerTokens[0]!);
        Assert.Equal(("evaluation", Subjects.Evaluation), (claims.GetProperty("scope").GetString(), claims.GetProperty("sub").GetString()));
        Assert.Equal(new Uri(GlobalOptions.DefaultReportingUrl).Authority, services.Requests[0].RequestUri!.Authority);
        var rows = Rows(run.Output);
        Assert.Equal("phase", rows[0][0]);
        Assert.Equal(["phase-1", "practitioner", "E08000002", "c", "c", "c", "c", "c", "c", "c", "c", "c", "c", "c", "c"], rows[1]);
        Assert.Equal(["phase-1", "practitioner", "all", "23", "23", "23", "23", "23", "23", "23", "23", "65.2", "65.2", "65.2", "38"], rows[2]);
        Assert.Equal(["phase-1", "supervisor", "all", "c", "c", "c", "c", "c", "c", "c", "c", "z", "z", "z", "c"], rows[3]);
        Assert.Equal(EvaluationVerb.Legend, run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1].Trim());
    }

    [Fact]
    public async Task RunAsync_EvaluationWithoutOptions_NoFiltersSent()
    {
        var services = Reporting(BothRoles());

        var run = await CliRun.RunAsync(["evaluation"], services: services);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(new GetStageFiguresRequest(), Assert.Single(services.Sent<GetStageFiguresRequest>("GetStageFigures")));
    }

    [Fact]
    public async Task RunAsync_EvaluationWithGroups_GapsOfEachPhaseAndRoleShownWithTheAsciiMarkerWhenRedirected()
    {
        var services = Reporting(BothRoles());

        var run = await CliRun.RunAsync(["evaluation", "--phase", "phase-1", "--groups", "disability"], services: services);

        Assert.True(run.ExitCode == 0, run.ToString());
        var asked = services.Sent<GetGroupGapsRequest>("GetGroupGaps");
        Assert.Equal(
            [("phase-1", Role.ChildAndFamilyPractitioner, EqualityDimension.Disability), ("phase-1", Role.PracticeSupervisor, EqualityDimension.Disability)],
            asked.Select(r => (r.Phase, r.Role, r.Dimension)));
        Assert.All(services.BearerTokens, t => Assert.Equal(Subjects.Evaluation, Jwt.Payload(t!).GetProperty("sub").GetString()));
        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim()).ToList();
        var practitioner = lines.IndexOf("phase-1 practitioner by disability");
        var supervisor = lines.IndexOf("phase-1 supervisor by disability");
        Assert.True(practitioner > 0 && supervisor > practitioner, run.Output);
        var yes = Columns().Split(lines[practitioner + 2]);
        Assert.Equal(["Yes", "9", "9", "9", "9", "9", "9", "33.3 (12.1 to 64.6)", "-35.0 (-58.2 to -3.9) !"], yes[..9]);
        Assert.Equal(["Not recorded", "c", "c", "c", "c", "c", "c", "c", "c", "c", "c", "c", "c"], Columns().Split(lines[practitioner + 3]));
        Assert.Equal("z", Columns().Split(lines[practitioner + 4])[8]);
        Assert.EndsWith("!: the gap's interval excludes zero", lines[^1], StringComparison.Ordinal);
        Assert.DoesNotContain("▲", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_EvaluationWithNoFigures_SaysSoWithoutAskingForGroups()
    {
        var services = Reporting(new GetStageFiguresResponse());

        var run = await CliRun.RunAsync(["evaluation", "--phase", "phase-9", "--groups", "sex"], services: services);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("no evaluation figures for phase-9", run.Output.Trim());
        Assert.Empty(services.Sent<GetGroupGapsRequest>("GetGroupGaps"));
    }

    [Fact]
    public async Task RunAsync_EvaluationRefused_ExitCode1WithTheStatus()
    {
        var services = new FakeGrpcHandler { Respond = _ => throw new RpcException(new Status(StatusCode.PermissionDenied, "scope evaluation required")) };

        var run = await CliRun.RunAsync(["evaluation"], services: services);

        Assert.Equal(CliApp.Failed, run.ExitCode);
        Assert.Contains("accredit: PermissionDenied: scope evaluation required", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_EvaluationAtTheReportingUrlVariable_CallsGoThere()
    {
        var services = Reporting(BothRoles());

        await CliRun.RunAsync(["evaluation"], new Dictionary<string, string> { [GlobalOptions.ReportingUrlVariable] = "http://reporting.example:7030" }, services);

        Assert.Equal("reporting.example:7030", services.Requests[0].RequestUri!.Authority);
    }

    [Fact]
    public async Task RunAsync_PageUrl_TheLocalPageWithADevelopmentEvaluationTokenAndNoCall()
    {
        var services = new FakeGrpcHandler();

        var run = await CliRun.RunAsync(["evaluation", "--phase", "phase-1", "--page-url"], services: services);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Empty(services.Requests);
        var url = run.Output.Trim();
        Assert.StartsWith("http://127.0.0.1:5032/evaluation?phase=phase-1&access_token=", url, StringComparison.Ordinal);
        var claims = Jwt.Payload(Uri.UnescapeDataString(url.Split("access_token=")[1]));
        Assert.Equal(("evaluation", Subjects.Evaluation), (claims.GetProperty("scope").GetString(), claims.GetProperty("sub").GetString()));
    }

    [Fact]
    public async Task RunAsync_PageUrl_OptionWinsOverVariableWhichWinsOverTheDefault()
    {
        var variables = new Dictionary<string, string> { [EvaluationVerb.ReportingHttpUrlVariable] = "http://reporting.example:7032/" };

        var fromVariable = await CliRun.RunAsync(["evaluation", "--page-url"], variables);
        var fromOption = await CliRun.RunAsync(["evaluation", "--page-url", "--reporting-http-url", "https://other.example"], variables);

        Assert.StartsWith("http://reporting.example:7032/evaluation?access_token=", fromVariable.Output, StringComparison.Ordinal);
        Assert.StartsWith("https://other.example/evaluation?access_token=", fromOption.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void PageUrl_PhaseWithReservedCharacters_Escaped()
    {
        Assert.Equal("http://h:1/evaluation?phase=phase%201%26x&access_token=t", EvaluationVerb.PageUrl("http://h:1/", "phase 1&x", "t"));
    }

    [Fact]
    public async Task RunAsync_TokenForTheEvaluationScope_TheEvaluationSubject()
    {
        var run = await CliRun.RunAsync(["token", "--scope", "evaluation"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(Subjects.Evaluation, Jwt.Payload(run.Output.Trim()).GetProperty("sub").GetString());
        Assert.Equal("accredit-evaluation", Subjects.Evaluation);
    }
}
