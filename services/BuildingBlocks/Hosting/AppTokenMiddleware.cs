using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Accreditation.BuildingBlocks.Hosting;

/// <summary>
/// The app port trusts only its sidecar, as Dapr's app API token does it: when APP_API_TOKEN is
/// set, every request to the app port except <c>/healthz</c> must carry the header
/// <c>dapr-api-token</c> with that value, or gets 401 before anything reads its body. The gRPC port
/// is not affected (callers there present bearer tokens).
/// </summary>
public sealed class AppTokenMiddleware(RequestDelegate next, IConfiguration configuration, IOptions<ServiceHostOptions> options)
{
    public const string Header = "dapr-api-token";
    public const string TokenVariable = "APP_API_TOKEN";

    private readonly byte[]? _token = string.IsNullOrEmpty(configuration[TokenVariable]) ? null : Encoding.UTF8.GetBytes(configuration[TokenVariable]!);

    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (_token is null
            || context.Connection.LocalPort != options.Value.AppPort
            || context.Request.Path.Equals(HealthEndpoints.HttpPath, StringComparison.Ordinal)
            || Presented(context))
        {
            return next(context);
        }

        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        return Task.CompletedTask;
    }

    private bool Presented(HttpContext context)
    {
        var values = context.Request.Headers[Header];
        if (values.Count != 1 || values[0] is not { Length: > 0 } presented)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), _token);
    }
}
