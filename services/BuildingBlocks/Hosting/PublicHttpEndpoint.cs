namespace Accreditation.BuildingBlocks.Hosting;

/// <summary>
/// Endpoint metadata marking a plain HTTP endpoint (a CSV download, an API document) as part of the
/// public API: it answers on the public ports (gRPC and HTTP API), never on the sidecar's app port.
/// </summary>
public sealed class PublicHttpEndpoint
{
    public static readonly PublicHttpEndpoint Instance = new();
}
