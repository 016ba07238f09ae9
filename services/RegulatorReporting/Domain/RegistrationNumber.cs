using System.Text.RegularExpressions;

namespace Accreditation.RegulatorReporting.Domain;

/// <summary>
/// Social Work England's register number, the regulator's key: "SW" and 1 to 6 digits with no
/// leading zero. Case-insensitive; older numbers written with leading zeros are normalised by
/// dropping them ("sw0042" is "SW42"), as Enrolment does (Reporting's own copy of the rule).
/// </summary>
public static partial class RegistrationNumber
{
    public const string Expected = "must be SW followed by 1 to 6 digits, for example SW123";

    [GeneratedRegex("^SW[1-9][0-9]{0,5}$", RegexOptions.CultureInvariant)]
    private static partial Regex Canonical();

    [GeneratedRegex("^SW0*([0-9]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex WithLeadingZeros();

    /// <summary>The canonical form of <paramref name="input"/>, or null when it is not a register number.</summary>
    public static string? Normalise(string? input)
    {
        if (string.IsNullOrWhiteSpace(input) || input.Length > 16)
        {
            return null;
        }

        var match = WithLeadingZeros().Match(input.Trim().ToUpperInvariant());
        if (!match.Success)
        {
            return null;
        }

        var candidate = "SW" + match.Groups[1].Value;
        return Canonical().IsMatch(candidate) ? candidate : null;
    }

    /// <summary>The number after "SW" of a canonical registration number (for ordering the register).</summary>
    public static long NumberOf(string canonical)
    {
        ArgumentNullException.ThrowIfNull(canonical);
        return long.Parse(canonical.AsSpan(2), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture);
    }
}
