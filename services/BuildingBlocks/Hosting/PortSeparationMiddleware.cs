using Grpc.AspNetCore.Server;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Accreditation.BuildingBlocks.Hosting;

/// <summary>
/// Keeps the endpoints apart: the public API (gRPC methods, transcoded or not, and endpoints marked
/// <see cref="PublicHttpEndpoint"/>) answers only on the public ports (gRPC, and the HTTP API port
/// when there is one); everything else (Dapr subscription discovery, topic deliveries, health) only
/// on the sidecar's app port. Runs after routing, so it sees which endpoint a request matched.
/// </summary>
public sealed class PortSeparationMiddleware(RequestDelegate next, IOptions<ServiceHostOptions> options)
{
    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var endpoint = context.GetEndpoint();
        if (endpoint is not null)
        {
            var isPublic = endpoint.Metadata.GetMetadata<GrpcMethodMetadata>() is not null || endpoint.Metadata.GetMetadata<PublicHttpEndpoint>() is not null;
            var port = context.Connection.LocalPort;
            var host = options.Value;
            var allowed = isPublic ? port == host.GrpcPort || (host.HttpApiPort > 0 && port == host.HttpApiPort) : port == host.AppPort;
            if (!allowed)
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            }
        }

        return next(context);
    }
}
