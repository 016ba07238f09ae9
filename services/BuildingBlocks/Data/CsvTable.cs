using System.Reflection;
using Microsoft.VisualBasic.FileIO;

namespace Accreditation.BuildingBlocks.Data;

/// <summary>
/// Reference data shipped as CSV (RFC 4180 quoting), read with the framework's
/// <see cref="TextFieldParser"/>: a header row naming the columns, then one record per row.
/// </summary>
public sealed class CsvTable
{
    private CsvTable(IReadOnlyList<string> columns, IReadOnlyList<IReadOnlyDictionary<string, string>> rows)
    {
        Columns = columns;
        Rows = rows;
    }

    public IReadOnlyList<string> Columns { get; }

    /// <summary>Each row's cells by column name.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string>> Rows { get; }

    public static CsvTable Parse(string csv)
    {
        ArgumentNullException.ThrowIfNull(csv);
        using var reader = new StringReader(csv);
        using var parser = new TextFieldParser(reader) { TextFieldType = FieldType.Delimited, HasFieldsEnclosedInQuotes = true, TrimWhiteSpace = true };
        parser.SetDelimiters(",");
        var columns = parser.ReadFields() ?? throw new FormatException("the CSV has no header row");
        var rows = new List<IReadOnlyDictionary<string, string>>();
        while (!parser.EndOfData)
        {
            var line = parser.LineNumber;
            var cells = parser.ReadFields();
            if (cells is null || cells.All(string.IsNullOrEmpty))
            {
                continue;
            }

            if (cells.Length != columns.Length)
            {
                throw new FormatException($"line {line}: expected {columns.Length} cells, found {cells.Length}");
            }

            rows.Add(columns.Zip(cells).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal));
        }

        return new CsvTable(columns, rows);
    }

    /// <summary>Reads a CSV embedded in <paramref name="assembly"/> under the logical name <paramref name="name"/>.</summary>
    public static CsvTable ReadEmbedded(Assembly assembly, string name)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"{name} is not embedded in {assembly.GetName().Name}");
        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8);
        return Parse(reader.ReadToEnd());
    }
}
