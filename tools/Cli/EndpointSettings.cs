namespace Accreditation.Cli;

/// <summary>Where the services are and how accredit authenticates to them.</summary>
/// <param name="BearerToken">A token to send as it is; null to mint development tokens with <paramref name="SigningKey"/>.</param>
public sealed record EndpointSettings(string EnrolmentUrl, string TestingUrl, string ObservationUrl, string SigningKey, string? BearerToken)
{
    /// <summary>The RegulatorReporting service (the regulator's register).</summary>
    public string ReportingUrl { get; init; } = GlobalOptions.DefaultReportingUrl;

    /// <summary>Never prints the token or the key.</summary>
    public override string ToString() =>
        $"enrolment {EnrolmentUrl}, testing {TestingUrl}, observation {ObservationUrl}, reporting {ReportingUrl}, {(BearerToken is null ? "development tokens" : "given bearer token")}";
}
