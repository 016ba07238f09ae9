using System.Globalization;
using Google.Protobuf.WellKnownTypes;

namespace Accreditation.Cli.Output;

/// <summary>Times in tables: one word each, so a plain table still splits on whitespace.</summary>
public static class Times
{
    /// <summary>ISO 8601 in UTC to the second, e.g. 2025-03-01T09:30:00Z; "-" when unset.</summary>
    public static string Iso(Timestamp? time) =>
        time is null ? "-" : Iso(time.ToDateTimeOffset());

    public static string Iso(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>ISO 8601 in UTC to the tick, trailing zeros dropped (as the services' CSV downloads write times); "" when unset.</summary>
    public static string Precise(Timestamp? time) =>
        time is null ? "" : time.ToDateTimeOffset().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    /// <summary>A day, e.g. 2025-03-01.</summary>
    public static string Day(Timestamp? time) =>
        time is null ? "-" : time.ToDateTimeOffset().ToUniversalTime().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A duration in its largest sensible unit: 850ms, 42s, 3m12s, 5h07m, 2d04h.</summary>
    public static string Age(TimeSpan age)
    {
        if (age < TimeSpan.Zero)
        {
            age = TimeSpan.Zero;
        }

        return age.TotalSeconds < 1 ? string.Create(CultureInfo.InvariantCulture, $"{(int)age.TotalMilliseconds}ms")
            : age.TotalMinutes < 1 ? string.Create(CultureInfo.InvariantCulture, $"{(int)age.TotalSeconds}s")
            : age.TotalHours < 1 ? string.Create(CultureInfo.InvariantCulture, $"{(int)age.TotalMinutes}m{age.Seconds:00}s")
            : age.TotalDays < 1 ? string.Create(CultureInfo.InvariantCulture, $"{(int)age.TotalHours}h{age.Minutes:00}m")
            : string.Create(CultureInfo.InvariantCulture, $"{(int)age.TotalDays}d{age.Hours:00}h");
    }
}
