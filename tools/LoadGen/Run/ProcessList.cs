using System.Globalization;

namespace Accreditation.LoadGen.Run;

/// <summary>--pids: "name=pid,name=pid", the processes whose CPU the run reports.</summary>
public static class ProcessList
{
    public static bool TryParse(string text, out Dictionary<string, int> pids, out string error)
    {
        pids = new Dictionary<string, int>(StringComparer.Ordinal);
        error = "";
        foreach (var part in (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0 || !int.TryParse(part[(eq + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var pid) || pid <= 0)
            {
                error = $"--pids takes name=pid pairs separated by commas, not '{part}'";
                return false;
            }

            pids[part[..eq].Trim()] = pid;
        }

        return true;
    }
}
