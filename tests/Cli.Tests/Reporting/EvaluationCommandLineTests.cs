using Accreditation.Cli.Commands;
using Accreditation.Cli.Tests.Support;
using Accreditation.Contracts.Reporting.V1;

namespace Accreditation.Cli.Tests.Reporting;

/// <summary>The evaluation verb on the command line: what parses, and what is refused (exit 2) before any call.</summary>
public sealed class EvaluationCommandLineTests
{
    public static readonly TheoryData<string[]> Valid =
    [
        ["evaluation"],
        ["evaluation", "--phase", "phase-1"],
        ["evaluation", "--phase", "phase-1", "--authority", "E08000002", "--role", "supervisor", "--groups", "ethnic"],
        ["evaluation", "--role", "practitioner", "--groups", "age"],
        ["evaluation", "--groups", "disability"],
        ["evaluation", "--phase", "phase-1", "--page-url"],
        ["evaluation", "--page-url", "--reporting-http-url", "https://reporting.example:8443"],
        ["--reporting-url", "http://reporting:5030", "evaluation", "--groups", "sex"],
        ["simulate", "--phase", "phase-1", "--candidates", "20", "--skip-evaluation"],
    ];

    [Theory]
    [MemberData(nameof(Valid))]
    public void Build_EvaluationCommandLine_ParsesWithoutErrors(string[] args)
    {
        var result = CliApp.Build(new CliHost(TextWriter.Null, TextWriter.Null)).Parse(args);

        Assert.Empty(result.Errors);
    }

    [Theory]
    [InlineData("evaluation --role manager", "--role must be practitioner or supervisor")]
    [InlineData("evaluation --groups income", "--groups must be age, ethnic, sex or disability")]
    [InlineData("evaluation --groups", "'--groups'")]
    [InlineData("evaluation --authority Bury", "--authority must be a GSS code, e.g. E08000002")]
    [InlineData("evaluation --page-url --groups sex", "--page-url takes only --phase")]
    [InlineData("evaluation --page-url --role supervisor", "--page-url takes only --phase")]
    [InlineData("evaluation --page-url --authority E08000002", "--page-url takes only --phase")]
    [InlineData("evaluation --page-url --reporting-http-url nowhere", "--reporting-http-url must be an http:// or https:// URL, not 'nowhere'")]
    [InlineData("evaluation --dimension sex", "'--dimension'")]
    public async Task RunAsync_BadEvaluationCommandLine_ExitCode2Saying(string commandLine, string message)
    {
        var services = new FakeGrpcHandler();

        var run = await CliRun.RunAsync(commandLine.Split(' '), services: services);

        Assert.Equal(CliApp.UsageError, run.ExitCode);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Output);
        Assert.Empty(services.Requests);
    }

    [Fact]
    public async Task RunAsync_PageUrlWithAMalformedHttpUrlVariable_ExitCode2NamingIt()
    {
        var run = await CliRun.RunAsync(["evaluation", "--page-url"], new Dictionary<string, string> { [EvaluationVerb.ReportingHttpUrlVariable] = "reporting:5032" });

        Assert.Equal(CliApp.UsageError, run.ExitCode);
        Assert.Contains("ACCREDIT_REPORTING_HTTP_URL must be an http:// or https:// URL", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_PageUrlWithAGivenToken_ExitCode2()
    {
        var run = await CliRun.RunAsync(["evaluation", "--page-url", "--token", "a.b.c"]);

        Assert.Equal(CliApp.UsageError, run.ExitCode);
        Assert.Contains("--page-url puts a development token in the address", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Output);
    }

    [Fact]
    public void Build_EvaluationWithoutOptions_NoFiltersNoGroups()
    {
        var result = CliApp.Build(new CliHost(TextWriter.Null, TextWriter.Null)).Parse(["evaluation"]);

        Assert.Empty(result.Errors);
        Assert.Null(result.GetResult("--groups"));
        Assert.False(result.GetValue<bool>("--page-url"));
    }

    [Theory]
    [InlineData("age", EqualityDimension.AgeBand)]
    [InlineData("ETHNIC", EqualityDimension.EthnicGroup)]
    [InlineData(" sex ", EqualityDimension.Sex)]
    [InlineData("disability", EqualityDimension.Disability)]
    [InlineData("EQUALITY_DIMENSION_AGE_BAND", EqualityDimension.AgeBand)]
    public void Dimension_Spelling_Read(string text, EqualityDimension expected)
    {
        Assert.True(Parse.Dimension(text, out var dimension));
        Assert.Equal(expected, dimension);
    }

    [Theory]
    [InlineData("")]
    [InlineData("religion")]
    [InlineData("EQUALITY_DIMENSION_UNSPECIFIED")]
    public void Dimension_NotAQuestion_Refused(string text)
    {
        Assert.False(Parse.Dimension(text, out _));
    }
}
