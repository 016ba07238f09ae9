using Accreditation.Sidecar.Configuration;

namespace Accreditation.Sidecar.Api;

/// <summary>Rejects HTTP API calls without the right dapr-api-token header (401), health excepted.</summary>
public sealed class ApiTokenMiddleware(RequestDelegate next, SidecarOptions options)
{
    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var path = context.Request.Path;
        if (!path.StartsWithSegments("/v1.0", StringComparison.OrdinalIgnoreCase)
            || ApiToken.IsExempt(path)
            || ApiToken.Accepts(options.ApiToken, context.Request.Headers[ApiToken.HeaderName].FirstOrDefault()))
        {
            return next(context);
        }

        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        return context.Response.WriteAsJsonAsync(new { errorCode = "ERR_API_TOKEN_INVALID", message = "authentication error: api token mismatch" });
    }
}
