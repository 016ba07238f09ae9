using System.CommandLine;
using Accreditation.Cli.Output;
using Spectre.Console;

namespace Accreditation.Cli.Commands;

/// <summary>What every verb's action needs: the host it runs in and the global options to connect with.</summary>
internal sealed class VerbContext(CliHost host, GlobalOptions globals)
{
    public CliHost Host => host;

    public TextWriter Output => host.Output;

    public Endpoints Connect(ParseResult result) => new(globals.Resolve(result, host.Variable), host.HttpHandler);

    /// <summary>A Spectre console over the output (plain text when it is not a terminal).</summary>
    public IAnsiConsole OutputConsole() => CliConsole.Output(host);

    /// <summary>A Spectre console over the error writer, for progress.</summary>
    public IAnsiConsole ErrorConsole() => CliConsole.Error(host);
}
