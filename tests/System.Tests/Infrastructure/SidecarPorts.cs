using Accreditation.TestSupport;

namespace Accreditation.System.Tests.Infrastructure;

/// <summary>
/// The ports of one app's sidecar and the two tokens between them (the app token the sidecar
/// presents on the app port, the API token the app presents to the sidecar), as the chart sets
/// them; kept across restarts so the app finds the new sidecar where the old one was.
/// </summary>
public sealed record SidecarPorts(string AppId, int AppPort, int GrpcPort, int HttpPort, int InternalGrpcPort, int MetricsPort)
{
    /// <summary>APP_API_TOKEN of the pair (null: none, for an app that checks no token).</summary>
    public string? AppToken { get; init; }

    /// <summary>DAPR_API_TOKEN of the pair (null: none).</summary>
    public string? ApiToken { get; init; }

    public static SidecarPorts For(string appId, int appPort, bool withTokens = true) =>
        new(appId, appPort, FreePort.Next(), FreePort.Next(), FreePort.Next(), FreePort.Next())
        {
            AppToken = withTokens ? "app-" + Guid.NewGuid().ToString("N") : null,
            ApiToken = withTokens ? "api-" + Guid.NewGuid().ToString("N") : null,
        };

    public string HealthUrl => $"http://127.0.0.1:{HttpPort}/v1.0/healthz";
}
