using Accreditation.Cli.Tests.Support;
using Accreditation.Contracts.Common.V1;
using Accreditation.Contracts.Enrolment.V1;

namespace Accreditation.Cli.Tests;

/// <summary>Which bearer token and which address a call goes out with, seen by a fake service in process.</summary>
public sealed class EndpointsTests
{
    private const string GivenToken = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJyZWFsLWNsdXN0ZXIifQ.c2lnbmF0dXJl";

    private static readonly string[] Show = ["show", "--authority", "E08000002", "--enrolment", "e-1"];

    [Fact]
    public async Task RunAsync_TokenOptionBeforeVerb_SentAsTheBearerToken()
    {
        var services = new FakeGrpcHandler();

        var run = await CliRun.RunAsync(["--token", GivenToken, .. Show], services: services);

        Assert.Equal(CliApp.Failed, run.ExitCode);
        Assert.Contains("NotFound: fake: nothing here", run.Error, StringComparison.Ordinal);
        Assert.Equal([GivenToken], services.BearerTokens);
    }

    [Fact]
    public async Task RunAsync_TokenOptionAfterVerb_SentAsTheBearerToken()
    {
        var services = new FakeGrpcHandler();

        await CliRun.RunAsync([.. Show, "--token", GivenToken], services: services);

        Assert.Equal([GivenToken], services.BearerTokens);
    }

    [Fact]
    public async Task RunAsync_TokenVariable_SentAsTheBearerToken()
    {
        var services = new FakeGrpcHandler();

        await CliRun.RunAsync(Show, new Dictionary<string, string> { [GlobalOptions.TokenVariable] = GivenToken }, services);

        Assert.Equal([GivenToken], services.BearerTokens);
    }

    [Fact]
    public async Task RunAsync_TokenOptionAndVariable_OptionWins()
    {
        var services = new FakeGrpcHandler();

        await CliRun.RunAsync(["--token", GivenToken, .. Show], new Dictionary<string, string> { [GlobalOptions.TokenVariable] = "from-the-environment" }, services);

        Assert.Equal([GivenToken], services.BearerTokens);
    }

    [Fact]
    public async Task RunAsync_NoToken_DevelopmentTokenForTheScopeAndAuthoritySent()
    {
        var services = new FakeGrpcHandler();

        await CliRun.RunAsync(Show, services: services);

        var claims = Jwt.Payload(Assert.Single(services.BearerTokens)!);
        Assert.Equal("enrolment.hr", claims.GetProperty("scope").GetString());
        Assert.Equal("E08000002", claims.GetProperty("local_authority").GetString());
    }

    [Fact]
    public async Task RunAsync_TokenGivenToTheTokenVerb_PrintsTheGivenToken()
    {
        var run = await CliRun.RunAsync(["token"], new Dictionary<string, string> { [GlobalOptions.TokenVariable] = GivenToken });

        Assert.Equal(GivenToken, run.Output.Trim());
    }

    [Fact]
    public async Task RunAsync_EnrolmentUrlOption_WinsOverVariable()
    {
        var services = new FakeGrpcHandler();

        await CliRun.RunAsync(
            ["--enrolment-url", "https://enrolment.example.test:8443", .. Show],
            new Dictionary<string, string> { [GlobalOptions.EnrolmentUrlVariable] = "http://127.0.0.1:9" },
            services);

        var request = Assert.Single(services.Requests);
        Assert.Equal("https://enrolment.example.test:8443/accreditation.enrolment.v1.EnrolmentService/GetEnrolment", request.RequestUri!.ToString());
    }

    [Fact]
    public async Task RunAsync_TestingUrlVariable_UsedForTestingVerbs()
    {
        var services = new FakeGrpcHandler();

        await CliRun.RunAsync(["sitting", "--sitting", "s-1"], new Dictionary<string, string> { [GlobalOptions.TestingUrlVariable] = "http://testing.example.test:5010" }, services);

        var request = Assert.Single(services.Requests);
        Assert.Equal("testing.example.test", request.RequestUri!.Host);
        Assert.Equal(5010, request.RequestUri.Port);
    }

    [Fact]
    public async Task RunAsync_NoUrlGiven_LocalDefaults()
    {
        var services = new FakeGrpcHandler();

        await CliRun.RunAsync(Show, services: services);

        Assert.Equal(new Uri(GlobalOptions.DefaultEnrolmentUrl).Authority, Assert.Single(services.Requests).RequestUri!.Authority);
    }

    [Fact]
    public async Task RunAsync_VariableNotAUrl_ExitCode2NamingTheVariable()
    {
        var run = await CliRun.RunAsync(Show, new Dictionary<string, string> { [GlobalOptions.EnrolmentUrlVariable] = "enrolment:5000" });

        Assert.Equal(CliApp.UsageError, run.ExitCode);
        Assert.Contains(GlobalOptions.EnrolmentUrlVariable, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_SigningKeyTooShortWithoutToken_ExitCode2()
    {
        var run = await CliRun.RunAsync(["token", "--signing-key", "short"]);

        Assert.Equal(CliApp.UsageError, run.ExitCode);
        Assert.Contains("--signing-key (ACCREDIT_SIGNING_KEY) must be at least 32 characters", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_SigningKeyVariable_SignsTheDevelopmentToken()
    {
        var key = new string('k', 40);
        var services = new FakeGrpcHandler();

        await CliRun.RunAsync(Show, new Dictionary<string, string> { [GlobalOptions.SigningKeyVariable] = key }, services);

        var token = Assert.Single(services.BearerTokens)!;
        var validation = await new Microsoft.IdentityModel.JsonWebTokens.JsonWebTokenHandler().ValidateTokenAsync(token, new Microsoft.IdentityModel.Tokens.TokenValidationParameters
        {
            ValidIssuer = "accreditation-dev",
            ValidAudience = "accreditation",
            IssuerSigningKey = new Microsoft.IdentityModel.Tokens.SymmetricSecurityKey(System.Text.Encoding.UTF8.GetBytes(key)),
        });
        Assert.True(validation.IsValid, validation.Exception?.Message);
    }

    [Fact]
    public async Task RunAsync_List_PlainTableOfEveryPageAndCount()
    {
        var services = new FakeGrpcHandler
        {
            Respond = path => path.EndsWith("/ListEnrolments", StringComparison.Ordinal)
                ? new ListEnrolmentsResponse
                {
                    Enrolments =
                    {
                        new Enrolment { EnrolmentId = "e-1", RegistrationNumber = "SW1", Role = Role.ChildAndFamilyPractitioner, State = EnrolmentState.Endorsed, GivenName = "Asha", FamilyName = "Patel" },
                        new Enrolment { EnrolmentId = "e-2", RegistrationNumber = "SW22", Role = Role.PracticeSupervisor, State = EnrolmentState.Enrolled, GivenName = "Sam", FamilyName = "[Jones]" },
                    },
                }
                : null,
        };

        var run = await CliRun.RunAsync(["list", "--authority", "E08000002"], services: services);

        Assert.True(run.ExitCode == 0, run.ToString());
        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["enrolment", "registration", "role", "state", "name"], lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(["e-1", "SW1", "ChildAndFamilyPractitioner", "Endorsed", "Asha", "Patel"], lines[1].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(["e-2", "SW22", "PracticeSupervisor", "Enrolled", "Sam", "[Jones]"], lines[2].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal("2 enrolments", lines[3]);
        Assert.DoesNotContain('\u001b', run.Output);
        Assert.All(run.Output, c => Assert.True(c < 128, $"non-ASCII '{c}' in:\n{run.Output}"));
    }
}
