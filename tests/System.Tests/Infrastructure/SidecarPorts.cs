using Accreditation.TestSupport;

namespace Accreditation.System.Tests.Infrastructure;

/// <summary>The ports of one app's sidecar; kept across restarts so the app finds the new sidecar where the old one was.</summary>
public sealed record SidecarPorts(string AppId, int AppPort, int GrpcPort, int HttpPort, int InternalGrpcPort, int MetricsPort)
{
    public static SidecarPorts For(string appId, int appPort) =>
        new(appId, appPort, FreePort.Next(), FreePort.Next(), FreePort.Next(), FreePort.Next());

    public string HealthUrl => $"http://127.0.0.1:{HttpPort}/v1.0/healthz";
}
