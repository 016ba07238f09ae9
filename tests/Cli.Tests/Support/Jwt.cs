using System.Buffers.Text;
using System.Text.Json;

namespace Accreditation.Cli.Tests.Support;

/// <summary>Reads the claims of a JWT (no signature check).</summary>
public static class Jwt
{
    public static JsonElement Payload(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        var parts = token.Split('.');
        Assert.Equal(3, parts.Length);
        using var payload = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[1]));
        return payload.RootElement.Clone();
    }
}
