using Accreditation.Sidecar.Configuration;

namespace Accreditation.Sidecar.Api;

/// <summary>
/// Rejects HTTP API calls without the right dapr-api-token header, as daprd's APITokenAuthMiddleware
/// does: 401 with the text "invalid api token"; only GET /v1.0/healthz and GET /v1.0/healthz/outbound
/// are exempt. (gRPC calls on the other port are checked by <see cref="ApiTokenInterceptor"/>.)
/// </summary>
public sealed class ApiTokenMiddleware(RequestDelegate next, SidecarOptions options)
{
    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        if (!request.Path.StartsWithSegments("/v1.0", StringComparison.OrdinalIgnoreCase)
            || ApiToken.IsExempt(request.Method, request.Path)
            || ApiToken.Accepts(options.ApiToken, request.Headers[ApiToken.HeaderName].FirstOrDefault()))
        {
            return next(context);
        }

        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync("invalid api token\n");
    }
}
