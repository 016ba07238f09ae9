using System.Security.Cryptography;
using System.Text;

namespace Accreditation.Sidecar.Api;

/// <summary>The dapr-api-token check daprd applies when DAPR_API_TOKEN is set.</summary>
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

    /// <summary>Health endpoints stay open, as in daprd, so probes need no token.</summary>
    public static bool IsExempt(PathString path) => path.StartsWithSegments("/v1.0/healthz", StringComparison.OrdinalIgnoreCase);
}
