using System.Security.Cryptography;
using System.Text;

namespace Accreditation.Sidecar.Api;

/// <summary>
/// The dapr-api-token check daprd applies when DAPR_API_TOKEN is set (<see cref="Configuration.SidecarOptions.ApiToken"/>),
/// on every gRPC and HTTP API call except GET of the health endpoints. The same header carries
/// APP_API_TOKEN (<see cref="Configuration.SidecarOptions.AppApiToken"/>) to the app.
/// </summary>
public static class ApiToken
{
    public const string HeaderName = "dapr-api-token";

    /// <summary>True when no token is required or <paramref name="presented"/> equals it (constant-time).</summary>
    public static bool Accepts(string? required, string? presented)
    {
        if (string.IsNullOrEmpty(required))
        {
            return true;
        }

        return presented is not null
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(required), Encoding.UTF8.GetBytes(presented));
    }

    /// <summary>GET of the health endpoints stays open, as in daprd, so probes need no token.</summary>
    public static bool IsExempt(string method, PathString path)
    {
        var trimmed = (path.Value ?? "").Trim('/');
        return HttpMethods.IsGet(method)
            && (string.Equals(trimmed, "v1.0/healthz", StringComparison.Ordinal) || string.Equals(trimmed, "v1.0/healthz/outbound", StringComparison.Ordinal));
    }
}
