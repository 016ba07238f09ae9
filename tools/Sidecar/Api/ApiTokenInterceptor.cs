using Accreditation.Sidecar.Configuration;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Accreditation.Sidecar.Api;

/// <summary>Rejects gRPC calls without the right dapr-api-token metadata with UNAUTHENTICATED, as daprd does.</summary>
public sealed class ApiTokenInterceptor(SidecarOptions options) : Interceptor
{
    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request,
        ServerCallContext context,
        UnaryServerMethod<TRequest, TResponse> continuation)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(continuation);
        var presented = context.RequestHeaders.GetValue(ApiToken.HeaderName);
        if (!ApiToken.Accepts(options.ApiToken, presented))
        {
            // daprd's messages for the two cases.
            throw new RpcException(new Status(
                StatusCode.Unauthenticated,
                presented is null ? "missing api token in request metadata" : "authentication error: api token mismatch"));
        }

        return continuation(request, context);
    }
}
