using Accreditation.Cli.Commands;
using Accreditation.Cli.Tests.Support;
using Accreditation.Contracts.Reporting.V1;

namespace Accreditation.Cli.Tests.Reporting;

/// <summary>The regulator's verbs on the command line: what parses, and what is refused (exit 2) before any call.</summary>
public sealed class RegulatorCommandLineTests
{
    public static readonly TheoryData<string[]> Valid =
    [
        ["status", "--registration-number", "SW123"],
        ["status", "--registration-number", "sw0042"],
        ["check", "--registration-numbers", "SW1,SW2,SW123456"],
        ["check", "--registration-numbers", "SW1, sw2", "--csv"],
        ["register"],
        ["register", "--phase", "phase-1", "--authority", "E08000002", "--role", "supervisor", "--status", "accredited", "--accredited-from", "2025-03-01", "--accredited-before", "2025-04-01T00:00:00Z", "--page-size", "500"],
        ["register", "--status", "not-accredited"],
        ["feed"],
        ["feed", "--cursor", "abc", "--follow"],
        ["feed", "--cursor", "abc", "--until-caught-up"],
        ["export"],
        ["export", "--csv", "--out", "register.csv"],
        ["--reporting-url", "http://reporting:5030", "status", "--registration-number", "SW1"],
        ["simulate", "--phase", "phase-1", "--candidates", "20", "--seed", "7", "--skip-register-check"],
    ];

    [Theory]
    [MemberData(nameof(Valid))]
    public void Build_RegulatorCommandLine_ParsesWithoutErrors(string[] args)
    {
        var result = CliApp.Build(new CliHost(TextWriter.Null, TextWriter.Null)).Parse(args);

        Assert.Empty(result.Errors);
    }

    [Theory]
    [InlineData("status", "Option '--registration-number' is required.")]
    [InlineData("check", "Option '--registration-numbers' is required.")]
    [InlineData("status --registration-number 123", "--registration-number must be SW followed by 1 to 6 digits, for example SW123")]
    [InlineData("status --registration-number SW1234567", "--registration-number must be SW followed by 1 to 6 digits, for example SW123")]
    [InlineData("status --registration-number SW0", "--registration-number must be SW followed by 1 to 6 digits, for example SW123")]
    [InlineData("check --registration-numbers SW1,XX2", "--registration-numbers must be 1 to 100 comma-separated registration numbers")]
    [InlineData("check --registration-numbers ,", "--registration-numbers must be 1 to 100 comma-separated registration numbers")]
    [InlineData("register --accredited-from 2025-13-01", "--accredited-from must be a time: ISO 8601")]
    [InlineData("register --accredited-before yesterday", "--accredited-before must be a time: ISO 8601")]
    [InlineData("register --accredited-from 2025-04-01 --accredited-before 2025-03-01", "--accredited-before must be later than --accredited-from")]
    [InlineData("register --status lapsed", "--status must be accredited or not-accredited")]
    [InlineData("register --role manager", "--role must be practitioner or supervisor")]
    [InlineData("register --authority Bury", "--authority must be a GSS code, e.g. E08000002")]
    [InlineData("register --page-size 0", "--page-size must be a whole number from 1 to 1000")]
    [InlineData("register --page-size 1001", "--page-size must be a whole number from 1 to 1000")]
    [InlineData("feed --follow --until-caught-up", "--follow and --until-caught-up cannot both be given")]
    [InlineData("--reporting-url nowhere register", "--reporting-url must be an http:// or https:// URL, not 'nowhere'")]
    public async Task RunAsync_BadRegulatorCommandLine_ExitCode2Saying(string commandLine, string message)
    {
        var services = new FakeGrpcHandler();

        var run = await CliRun.RunAsync(commandLine.Split(' '), services: services);

        Assert.Equal(CliApp.UsageError, run.ExitCode);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
        Assert.Empty(services.Requests);
    }

    [Fact]
    public async Task RunAsync_CheckOf101Numbers_ExitCode2()
    {
        var numbers = string.Join(',', Enumerable.Range(1, 101).Select(n => "SW" + n));

        var run = await CliRun.RunAsync(["check", "--registration-numbers", numbers]);

        Assert.Equal(CliApp.UsageError, run.ExitCode);
        Assert.Contains("--registration-numbers must be 1 to 100", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_ReportingUrlVariableMalformed_ExitCode2()
    {
        var run = await CliRun.RunAsync(["register"], new Dictionary<string, string> { [GlobalOptions.ReportingUrlVariable] = "reporting:5030" });

        Assert.Equal(CliApp.UsageError, run.ExitCode);
        Assert.Contains("ACCREDIT_REPORTING_URL must be an http:// or https:// URL", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SW123", "SW123")]
    [InlineData("sw123", "SW123")]
    [InlineData(" SW0042 ", "SW42")]
    [InlineData("SW999999", "SW999999")]
    [InlineData("SW000001", "SW1")]
    public void RegistrationNumber_AcceptedSpelling_Normalised(string text, string expected)
    {
        Assert.True(Parse.RegistrationNumber(text, out var number));
        Assert.Equal(expected, number);
    }

    [Theory]
    [InlineData("")]
    [InlineData("SW")]
    [InlineData("SW0")]
    [InlineData("SW1000000")]
    [InlineData("SX123")]
    [InlineData("SW12a")]
    [InlineData("SW00000000000000001")]
    public void RegistrationNumber_NotANumber_Refused(string text)
    {
        Assert.False(Parse.RegistrationNumber(text, out _));
    }

    [Theory]
    [InlineData("accredited", AccreditationStatus.Accredited)]
    [InlineData("NOT-ACCREDITED", AccreditationStatus.NotAccredited)]
    [InlineData("ACCREDITATION_STATUS_NOT_ACCREDITED", AccreditationStatus.NotAccredited)]
    public void Status_Spelling_Read(string text, AccreditationStatus expected)
    {
        Assert.True(Parse.Status(text, out var status));
        Assert.Equal(expected, status);
    }
}
