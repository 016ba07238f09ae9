namespace Accreditation.Cli;

/// <summary>
/// What accredit runs against: its output and error writers (and whether each is a terminal), the
/// environment variables it reads, and how it reaches the services over HTTP. The process uses
/// <see cref="FromConsole"/>; tests give writers, variables and an in-process HTTP handler.
/// </summary>
public sealed class CliHost(TextWriter output, TextWriter error)
{
    public TextWriter Output { get; } = output ?? throw new ArgumentNullException(nameof(output));

    public TextWriter Error { get; } = error ?? throw new ArgumentNullException(nameof(error));

    /// <summary>Whether <see cref="Output"/> is an interactive terminal (colours, live redraws); false when redirected.</summary>
    public bool OutputIsTerminal { get; init; }

    /// <summary>Whether <see cref="Error"/> is an interactive terminal (the simulate progress bar); false when redirected.</summary>
    public bool ErrorIsTerminal { get; init; }

    /// <summary>Reads an environment variable; null when unset.</summary>
    public Func<string, string?> Variable { get; init; } = Environment.GetEnvironmentVariable;

    /// <summary>Makes the HTTP handler of a gRPC channel; null for the default (sockets, HTTP/2).</summary>
    public Func<HttpMessageHandler>? HttpHandler { get; init; }

    public static CliHost FromConsole() => new(Console.Out, Console.Error)
    {
        OutputIsTerminal = !Console.IsOutputRedirected,
        ErrorIsTerminal = !Console.IsErrorRedirected,
    };
}
