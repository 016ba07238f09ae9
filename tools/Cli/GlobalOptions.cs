using System.CommandLine;

namespace Accreditation.Cli;

/// <summary>
/// Options every verb takes (recursive: before or after the verb): where the services are and how
/// to authenticate. An option wins over its environment variable, which wins over the local default.
/// </summary>
public sealed class GlobalOptions
{
    public const string TokenVariable = "ACCREDIT_TOKEN";
    public const string EnrolmentUrlVariable = "ACCREDIT_ENROLMENT_URL";
    public const string TestingUrlVariable = "ACCREDIT_TESTING_URL";
    public const string ObservationUrlVariable = "ACCREDIT_OBSERVATION_URL";
    public const string ReportingUrlVariable = "ACCREDIT_REPORTING_URL";
    public const string SigningKeyVariable = "ACCREDIT_SIGNING_KEY";
    public const string DefaultEnrolmentUrl = "http://127.0.0.1:5000";
    public const string DefaultTestingUrl = "http://127.0.0.1:5010";
    public const string DefaultObservationUrl = "http://127.0.0.1:5020";
    public const string DefaultReportingUrl = "http://127.0.0.1:5030";

    /// <summary>The services refuse shorter development keys (BuildingBlocks' DevelopmentTokens).</summary>
    public const int MinimumSigningKeyLength = 32;

    public Option<string> Token { get; } = new("--token")
    {
        Description = $"Bearer token (JWT) sent to the services instead of a minted development token; prefer the variable, a command line is visible to others [env: {TokenVariable}]",
        HelpName = "jwt",
        Recursive = true,
    };

    public Option<string> EnrolmentUrl { get; } = new("--enrolment-url")
    {
        Description = $"Enrolment service gRPC address [env: {EnrolmentUrlVariable}; default: {DefaultEnrolmentUrl}]",
        HelpName = "url",
        Recursive = true,
    };

    public Option<string> TestingUrl { get; } = new("--testing-url")
    {
        Description = $"Testing service gRPC address [env: {TestingUrlVariable}; default: {DefaultTestingUrl}]",
        HelpName = "url",
        Recursive = true,
    };

    public Option<string> ObservationUrl { get; } = new("--observation-url")
    {
        Description = $"Observation (simulated practice) service gRPC address [env: {ObservationUrlVariable}; default: {DefaultObservationUrl}]",
        HelpName = "url",
        Recursive = true,
    };

    public Option<string> ReportingUrl { get; } = new("--reporting-url")
    {
        Description = $"RegulatorReporting (the regulator's register, the evaluation) service gRPC address [env: {ReportingUrlVariable}; default: {DefaultReportingUrl}]",
        HelpName = "url",
        Recursive = true,
    };

    public Option<string> SigningKey { get; } = new("--signing-key")
    {
        Description = $"Key that signs development tokens when no --token is given [env: {SigningKeyVariable}; default: the services' development key]",
        HelpName = "key",
        Recursive = true,
    };

    public GlobalOptions()
    {
        EnrolmentUrl.Validators.Add(ValidateUrl);
        TestingUrl.Validators.Add(ValidateUrl);
        ObservationUrl.Validators.Add(ValidateUrl);
        ReportingUrl.Validators.Add(ValidateUrl);
    }

    public IEnumerable<Option> All => [Token, EnrolmentUrl, TestingUrl, ObservationUrl, ReportingUrl, SigningKey];

    /// <summary>The settings a command line and the environment give.</summary>
    public EndpointSettings Resolve(ParseResult result, Func<string, string?> variable)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(variable);
        var token = NonEmpty(result.GetValue(Token)) ?? NonEmpty(variable(TokenVariable));
        var signingKey = NonEmpty(result.GetValue(SigningKey)) ?? NonEmpty(variable(SigningKeyVariable)) ?? Endpoints.DevelopmentSigningKey;
        if (token is null && signingKey.Length < MinimumSigningKeyLength)
        {
            throw new UsageException($"--signing-key ({SigningKeyVariable}) must be at least {MinimumSigningKeyLength} characters");
        }

        return new EndpointSettings(
            Url(NonEmpty(result.GetValue(EnrolmentUrl)) ?? NonEmpty(variable(EnrolmentUrlVariable)) ?? DefaultEnrolmentUrl, EnrolmentUrlVariable),
            Url(NonEmpty(result.GetValue(TestingUrl)) ?? NonEmpty(variable(TestingUrlVariable)) ?? DefaultTestingUrl, TestingUrlVariable),
            Url(NonEmpty(result.GetValue(ObservationUrl)) ?? NonEmpty(variable(ObservationUrlVariable)) ?? DefaultObservationUrl, ObservationUrlVariable),
            signingKey,
            token)
        {
            ReportingUrl = Url(NonEmpty(result.GetValue(ReportingUrl)) ?? NonEmpty(variable(ReportingUrlVariable)) ?? DefaultReportingUrl, ReportingUrlVariable),
        };
    }

    internal static bool IsHttpUrl(string? text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    internal static void ValidateUrl(System.CommandLine.Parsing.OptionResult result)
    {
        var text = result.GetValueOrDefault<string>();
        if (!IsHttpUrl(text))
        {
            result.AddError($"{result.IdentifierToken?.Value ?? result.Option.Name} must be an http:// or https:// URL, not '{text}'");
        }
    }

    internal static string Url(string text, string variable) =>
        IsHttpUrl(text) ? text : throw new UsageException($"{variable} must be an http:// or https:// URL, not '{text}'");

    private static string? NonEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
