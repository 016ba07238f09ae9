using System.Globalization;

namespace Accreditation.Sidecar.Configuration;

/// <summary>
/// Parses durations the way Dapr components write them: Go syntax ("15s", "500ms", "1m30s", "1h")
/// or a bare integer meaning milliseconds.
/// </summary>
public static class GoDuration
{
    public static bool TryParse(string? text, out TimeSpan value)
    {
        value = TimeSpan.Zero;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var s = text.Trim();
        if (long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var millis))
        {
            value = TimeSpan.FromMilliseconds(millis);
            return true;
        }

        var total = 0.0;
        var i = 0;
        while (i < s.Length)
        {
            var start = i;
            while (i < s.Length && (char.IsAsciiDigit(s[i]) || s[i] == '.'))
            {
                i++;
            }

            if (start == i || !double.TryParse(s[start..i], NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            {
                return false;
            }

            var unitStart = i;
            while (i < s.Length && !char.IsAsciiDigit(s[i]) && s[i] != '.')
            {
                i++;
            }

            double? unitMillis = s[unitStart..i] switch
            {
                "ns" => 1e-6,
                "us" or "µs" => 1e-3,
                "ms" => 1,
                "s" => 1_000,
                "m" => 60_000,
                "h" => 3_600_000,
                _ => null,
            };
            if (unitMillis is null)
            {
                return false;
            }

            total += number * unitMillis.Value;
        }

        value = TimeSpan.FromMilliseconds(total);
        return true;
    }

    public static TimeSpan Parse(string text, string what) =>
        TryParse(text, out var value)
            ? value
            : throw new FormatException($"{what}: '{text}' is not a duration (use e.g. 500ms, 15s, 1m)");
}
