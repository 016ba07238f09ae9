using System.Globalization;

namespace Accreditation.Cli.Simulation;

/// <summary>A one-line progress bar on a terminal; every tenth on a log.</summary>
public sealed class ProgressBar(TextWriter output, int total, bool interactive)
{
    private const int Width = 40;
    private int _lastTenth = -1;

    public void Show(int done, int errors)
    {
        if (total <= 0)
        {
            return;
        }

        var fraction = Math.Clamp((double)done / total, 0, 1);
        if (interactive)
        {
            var filled = (int)(fraction * Width);
            output.Write(string.Create(CultureInfo.InvariantCulture, $"\r[{new string('#', filled)}{new string('.', Width - filled)}] {done}/{total} candidates, {errors} errors "));
            if (done >= total)
            {
                output.WriteLine();
            }
        }
        else
        {
            var tenth = (int)(fraction * 10);
            if (tenth != _lastTenth)
            {
                _lastTenth = tenth;
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"progress: {done}/{total} candidates, {errors} errors"));
            }
        }
    }
}
