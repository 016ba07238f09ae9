using Grpc.AspNetCore.Server;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Accreditation.BuildingBlocks.Hosting;

/// <summary>
/// Keeps the two endpoints apart: gRPC methods answer only on the gRPC port, everything else
/// (Dapr subscription discovery, topic deliveries, health) only on the sidecar's app port.
/// Runs after routing, so it sees which endpoint a request matched.
/// </summary>
public sealed class PortSeparationMiddleware(RequestDelegate next, IOptions<ServiceHostOptions> options)
{
    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var endpoint = context.GetEndpoint();
        if (endpoint is not null)
        {
            var isGrpc = endpoint.Metadata.GetMetadata<GrpcMethodMetadata>() is not null;
            var expected = isGrpc ? options.Value.GrpcPort : options.Value.AppPort;
            if (context.Connection.LocalPort != expected)
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            }
        }

        return next(context);
    }
}
