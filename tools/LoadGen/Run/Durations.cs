using System.Globalization;

namespace Accreditation.LoadGen.Run;

/// <summary>Durations on the command line: "3s", "0.2s", "500ms", "2m", a bare number of seconds, or a TimeSpan ("00:00:03").</summary>
public static class Durations
{
    public static bool TryParse(string text, out TimeSpan duration)
    {
        duration = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var t = text.Trim().ToLowerInvariant();
        var (number, scale) = t.EndsWith("ms", StringComparison.Ordinal) ? (t[..^2], 0.001)
            : t.EndsWith('s') ? (t[..^1], 1.0)
            : t.EndsWith('m') ? (t[..^1], 60.0)
            : (t, 1.0);
        if (double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= 0 && !double.IsInfinity(value))
        {
            duration = TimeSpan.FromSeconds(value * scale);
            return true;
        }

        if (TimeSpan.TryParse(t, CultureInfo.InvariantCulture, out var span) && span >= TimeSpan.Zero)
        {
            duration = span;
            return true;
        }

        return false;
    }
}
