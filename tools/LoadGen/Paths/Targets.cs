namespace Accreditation.LoadGen.Paths;

/// <summary>Where the services and the echo server are.</summary>
public sealed record Targets(string EnrolmentUrl, string TestingUrl, string ObservationUrl, string ReportingUrl, string? EchoUrl);
