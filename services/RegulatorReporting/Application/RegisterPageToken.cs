using System.Buffers.Text;
using System.Globalization;
using System.Text;
using Accreditation.BuildingBlocks.Errors;

namespace Accreditation.RegulatorReporting.Application;

/// <summary>The opaque page token of ListRegisterEntries: the register position after which the next page starts, bound to its filter.</summary>
public static class RegisterPageToken
{
    public const string Field = "page_token";

    public static string Encode(double afterOrder, RegisterFilter filter) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"r1|{afterOrder.ToString("R", CultureInfo.InvariantCulture)}|{filter}"));

    /// <summary>The position to start after: -1 (before everything) for an empty token.</summary>
    public static double Decode(string token, RegisterFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (string.IsNullOrEmpty(token))
        {
            return -1;
        }

        string text;
        try
        {
            text = token.Length > 1024 ? "" : Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token));
        }
        catch (FormatException)
        {
            text = "";
        }

        var parts = text.Split('|', 3);
        if (parts.Length != 3 || parts[0] != "r1" || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var after) || !double.IsFinite(after))
        {
            throw new ValidationException(Field, "is not a page token this service issued");
        }

        return parts[2] == filter.ToString() ? after : throw new ValidationException(Field, "was issued for different filters");
    }
}
