using System.Buffers.Text;
using System.Globalization;
using System.Text;
using Accreditation.BuildingBlocks.Errors;

namespace Accreditation.Enrolment.Domain;

/// <summary>
/// The opaque page token of ListEnrolments: the position after which the next page starts, bound
/// to the filter it was issued for.
/// </summary>
public sealed record ListPageToken(long AfterSequence, string Filter)
{
    public const string Field = "page.page_token";

    public string Encode() =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"v1|{AfterSequence.ToString(CultureInfo.InvariantCulture)}|{Filter}"));

    /// <summary>The position to start from: 0 for an empty token; INVALID_ARGUMENT for a token not issued for this filter.</summary>
    public static long Decode(string token, string filter)
    {
        if (string.IsNullOrEmpty(token))
        {
            return 0;
        }

        string text;
        try
        {
            text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token));
        }
        catch (FormatException)
        {
            throw new ValidationException(Field, "is not a page token this service issued");
        }

        var parts = text.Split('|', 3);
        if (parts.Length != 3 || parts[0] != "v1" || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence))
        {
            throw new ValidationException(Field, "is not a page token this service issued");
        }

        if (parts[2] != filter)
        {
            throw new ValidationException(Field, "was issued for a different filter");
        }

        return sequence;
    }
}
