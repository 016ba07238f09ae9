namespace Accreditation.Cli.Output;

/// <summary>RFC 4180 CSV lines, as the services' CSV downloads write them: a cell with a comma, quote or line break is quoted, quotes doubled; CRLF ends a line.</summary>
public static class Csv
{
    public static string Line(params IEnumerable<string> cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        return string.Join(',', cells.Select(Cell)) + "\r\n";
    }

    private static string Cell(string? value) =>
        value is null ? ""
        : value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
        : value;
}
