using System.Text.RegularExpressions;

namespace Accreditation.Enrolment.Domain;

/// <summary>
/// Social Work England's register number: "SW" and 1 to 6 digits with no leading zero. Older
/// numbers written with leading zeros are normalised by dropping them ("SW0042" is "SW42").
/// </summary>
public static partial class RegistrationNumber
{
    [GeneratedRegex("^SW[1-9][0-9]{0,5}$", RegexOptions.CultureInvariant)]
    private static partial Regex Canonical();

    [GeneratedRegex("^SW0*([0-9]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex WithLeadingZeros();

    /// <summary>The canonical form of <paramref name="input"/>, or null when it is not a register number.</summary>
    public static string? Normalise(string? input)
    {
        // Older numbers carry a few leading zeros at most; anything long is not a register number
        // (and is never handed to the regular expression).
        if (string.IsNullOrWhiteSpace(input) || input.Length > 16)
        {
            return null;
        }

        var upper = input.Trim().ToUpperInvariant();
        var match = WithLeadingZeros().Match(upper);
        if (!match.Success)
        {
            return null;
        }

        var candidate = "SW" + match.Groups[1].Value;
        return Canonical().IsMatch(candidate) ? candidate : null;
    }
}
