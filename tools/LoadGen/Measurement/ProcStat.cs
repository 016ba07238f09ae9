using System.Globalization;

namespace Accreditation.LoadGen.Measurement;

/// <summary>Reads a process's CPU time from Linux's /proc/&lt;pid&gt;/stat (utime + stime).</summary>
public static class ProcStat
{
    /// <summary>USER_HZ, the unit of /proc's CPU times: 100 on every Linux architecture .NET runs on.</summary>
    public const double ClockTicksPerSecond = 100;

    /// <summary>
    /// User plus system CPU seconds of a stat line. The command name (field 2) is in parentheses and may
    /// hold spaces and parentheses itself, so fields are counted after the last ')': utime and stime are
    /// fields 14 and 15.
    /// </summary>
    public static bool TryParseCpuSeconds(string statLine, out double seconds)
    {
        seconds = 0;
        if (string.IsNullOrEmpty(statLine))
        {
            return false;
        }

        var close = statLine.LastIndexOf(')');
        if (close < 0)
        {
            return false;
        }

        // After ')': state (field 3) is the first, so utime (14) is the 12th and stime (15) the 13th.
        var fields = statLine[(close + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length < 13
            || !long.TryParse(fields[11], NumberStyles.None, CultureInfo.InvariantCulture, out var user)
            || !long.TryParse(fields[12], NumberStyles.None, CultureInfo.InvariantCulture, out var system))
        {
            return false;
        }

        seconds = (user + system) / ClockTicksPerSecond;
        return true;
    }

    /// <summary>CPU seconds of a running process; null when it cannot be read (gone, not Linux).</summary>
    public static double? CpuSecondsOf(int pid)
    {
        try
        {
            var line = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat");
            return TryParseCpuSeconds(line, out var seconds) ? seconds : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
