using Spectre.Console;

namespace Accreditation.Cli.Output;

/// <summary>
/// Spectre.Console consoles over accredit's writers. On a terminal Spectre detects what it can do;
/// anywhere else (a pipe, a file, CI, a test's writer) the console is plain: no ANSI escapes, no
/// colours, no live redraws, ASCII only and wide enough that tables never wrap, whatever TERM or a
/// CI variable says (Spectre turns ANSI on under GitHub Actions even when redirected).
/// </summary>
public static class CliConsole
{
    /// <summary>Line width of a plain console: no table of accredit's comes near it.</summary>
    public const int PlainWidth = 400;

    public static IAnsiConsole Create(TextWriter writer, bool terminal)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (terminal)
        {
            return AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(writer) });
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Capabilities.Ansi = false;
        console.Profile.Capabilities.Links = false;
        console.Profile.Capabilities.Interactive = false;
        console.Profile.Capabilities.Unicode = false;
        console.Profile.Capabilities.ColorSystem = ColorSystem.NoColors;
        console.Profile.Width = PlainWidth;
        return console;
    }

    /// <summary>Whether the console is plain text: no escapes, no redraws, ASCII only.</summary>
    public static bool IsPlain(IAnsiConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        return console.Profile.Capabilities is { Ansi: false, Unicode: false };
    }

    /// <summary>A console over the host's output.</summary>
    public static IAnsiConsole Output(CliHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        return Create(host.Output, host.OutputIsTerminal);
    }

    /// <summary>A console over the host's error writer (progress).</summary>
    public static IAnsiConsole Error(CliHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        return Create(host.Error, host.ErrorIsTerminal);
    }
}
