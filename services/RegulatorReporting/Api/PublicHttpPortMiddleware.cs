using Accreditation.BuildingBlocks.Hosting;
using Accreditation.RegulatorReporting.Domain;
using Microsoft.Extensions.Options;

namespace Accreditation.RegulatorReporting.Api;

/// <summary>
/// The public HTTP/1.1 port (Reporting:HttpPort) is a second door to the public API: h2c gRPC and
/// HTTP/1.1 cannot share a cleartext port, and the platform's port separation knows only the gRPC
/// port and the sidecar's app port. Runs before the shared pipeline and presents requests on the
/// HTTP port as the gRPC port's, so the transcoded and CSV endpoints (which carry gRPC method
/// metadata) answer there and the sidecar's endpoints stay 404. A platform-level public HTTP port
/// in ServiceHostOptions would replace this.
/// </summary>
public sealed class PublicHttpPortMiddleware(RequestDelegate next, IOptions<ReportingOptions> reporting, IOptions<ServiceHostOptions> host)
{
    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var httpPort = reporting.Value.HttpPort;
        if (httpPort > 0 && context.Connection.LocalPort == httpPort)
        {
            context.Connection.LocalPort = host.Value.GrpcPort;
        }

        return next(context);
    }
}
