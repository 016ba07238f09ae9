using System.Text.RegularExpressions;
using Accreditation.BuildingBlocks.Errors;

namespace Accreditation.Testing.Domain;

/// <summary>Validation of ids that callers send (item, sitting and enrolment ids).</summary>
public static partial class Ids
{
    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    public static bool IsValid(string value) => value is not null && Pattern().IsMatch(value);

    /// <summary>The id, or INVALID_ARGUMENT naming <paramref name="field"/>.</summary>
    public static string Require(string field, string value)
    {
        if (string.IsNullOrEmpty(value))
        {
            throw new ValidationException(field, "is required");
        }

        return IsValid(value) ? value : throw new ValidationException(field, "is not a valid id");
    }
}
