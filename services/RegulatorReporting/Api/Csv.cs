namespace Accreditation.RegulatorReporting.Api;

/// <summary>RFC 4180 CSV lines: a cell with a comma, quote or line break is quoted, quotes doubled.</summary>
public static class Csv
{
    public static string Line(params IEnumerable<string> cells) => string.Join(',', cells.Select(Cell)) + "\r\n";

    private static string Cell(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
