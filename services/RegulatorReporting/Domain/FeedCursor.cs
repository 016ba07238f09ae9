using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Accreditation.BuildingBlocks.Errors;

namespace Accreditation.RegulatorReporting.Domain;

/// <summary>
/// The change feed's opaque cursor: the position, protected with an HMAC-SHA256 under the
/// configured key, base64url. A cursor this service did not issue (or issued under another key)
/// is INVALID_ARGUMENT naming the field.
/// </summary>
public sealed class FeedCursor
{
    public const string Field = "cursor";
    private const string Version = "c1";
    private const int MacBytes = 16;
    private readonly byte[] _key;

    public FeedCursor(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        _key = Encoding.UTF8.GetBytes(key);
    }

    public string Encode(FeedPosition position)
    {
        var payload = Encoding.UTF8.GetBytes(Version + "|" + position);
        return Base64Url.EncodeToString([.. payload, .. Mac(payload)]);
    }

    /// <summary>The position a cursor names: <see cref="FeedPosition.Start"/> for an empty one.</summary>
    public FeedPosition Decode(string? cursor)
    {
        if (string.IsNullOrEmpty(cursor))
        {
            return FeedPosition.Start;
        }

        byte[] bytes;
        try
        {
            bytes = cursor.Length > 200 ? [] : Base64Url.DecodeFromChars(cursor);
        }
        catch (FormatException)
        {
            bytes = [];
        }

        if (bytes.Length <= MacBytes
            || !CryptographicOperations.FixedTimeEquals(Mac(bytes.AsSpan(0, bytes.Length - MacBytes)), bytes.AsSpan(bytes.Length - MacBytes)))
        {
            throw new ValidationException(Field, "is not a cursor this service issued; start from an export's cursor or from the beginning");
        }

        var text = Encoding.UTF8.GetString(bytes, 0, bytes.Length - MacBytes);
        var parts = text.Split('|');
        return parts.Length == 2 && parts[0] == Version && FeedPosition.TryParse(parts[1], out var position)
            ? position
            : throw new ValidationException(Field, "is not a cursor this service issued; start from an export's cursor or from the beginning");
    }

    private byte[] Mac(ReadOnlySpan<byte> payload) => HMACSHA256.HashData(_key, payload)[..MacBytes];
}
