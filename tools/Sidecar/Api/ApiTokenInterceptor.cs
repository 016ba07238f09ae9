using Accreditation.Sidecar.Configuration;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Accreditation.Sidecar.Api;

/// <summary>Rejects gRPC calls without the right dapr-api-token metadata (UNAUTHENTICATED).</summary>
public sealed class ApiTokenInterceptor(SidecarOptions options) : Interceptor
{
    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request,
        ServerCallContext context,
        UnaryServerMethod<TRequest, TResponse> continuation)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(continuation);
        if (!ApiToken.Accepts(options.ApiToken, context.RequestHeaders.GetValue(ApiToken.HeaderName)))
        {
            throw new RpcException(new Status(StatusCode.Unauthenticated, "authentication error: api token mismatch"));
        }

        return continuation(request, context);
    }
}
