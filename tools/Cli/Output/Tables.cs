using System.Globalization;
using Spectre.Console;

namespace Accreditation.Cli.Output;

/// <summary>
/// The tables accredit prints. On a terminal: rounded borders. On a plain console (redirected, CI,
/// tests): no borders at all, a header line and columns two spaces apart, so a line reads as text
/// and splits on whitespace. Cells are plain text, never markup.
/// </summary>
public static class Tables
{
    public static Table Create(params TableColumn[] columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var table = new Table();
        foreach (var column in columns)
        {
            table.AddColumn(column);
        }

        return table;
    }

    /// <summary>A left-aligned text column.</summary>
    public static TableColumn Text(string header) => new(new Text(header)) { NoWrap = true };

    /// <summary>A right-aligned number column.</summary>
    public static TableColumn Number(string header) => new TableColumn(new Text(header)) { NoWrap = true }.RightAligned();

    /// <summary>Adds a row of values shown as plain text (no markup is interpreted).</summary>
    public static Table Row(this Table table, params object?[] cells)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(cells);
        return table.AddRow([.. cells.Select(c => new Text(Convert.ToString(c, CultureInfo.InvariantCulture) ?? ""))]);
    }

    /// <summary>Writes the table in the style the console calls for.</summary>
    public static void WriteTable(this IAnsiConsole console, Table table)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(table);
        if (CliConsole.IsPlain(console))
        {
            table.Border(TableBorder.None);
            foreach (var column in table.Columns)
            {
                column.Padding = new Padding(0, 0, column == table.Columns[^1] ? 0 : 2, 0);
            }
        }
        else
        {
            table.Border(TableBorder.Rounded);
        }

        console.Write(table);
    }
}
