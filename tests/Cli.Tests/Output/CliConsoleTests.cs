using Accreditation.Cli.Output;
using Spectre.Console;

namespace Accreditation.Cli.Tests.Output;

public sealed class CliConsoleTests
{
    [Fact]
    public void Create_NotATerminal_PlainTextWithoutEscapesOrBoxDrawing()
    {
        using var writer = new StringWriter();
        var console = CliConsole.Create(writer, terminal: false);

        console.MarkupLine("[bold red]alert[/] [link=https://example.test]link[/]");
        console.WriteTable(Tables.Create(Tables.Text("a"), Tables.Number("b")).Row("x", 1));

        Assert.True(CliConsole.IsPlain(console));
        Assert.Equal("alert link\na  b\nx  1\n", writer.ToString().Replace("\r", "", StringComparison.Ordinal));
    }

    [Fact]
    public void Create_Terminal_NotPlain()
    {
        var console = CliConsole.Create(new StringWriter(), terminal: true);

        console.Profile.Capabilities.Unicode = true;

        Assert.False(CliConsole.IsPlain(console));
    }
}
