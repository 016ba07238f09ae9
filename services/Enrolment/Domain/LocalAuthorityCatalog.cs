using System.Text;

namespace Accreditation.Enrolment.Domain;

/// <summary>
/// Every English local authority with children's services (DfE's list, 153 rows). Finds an
/// authority by GSS code, accepting the codes Barnsley and Sheffield had before April 2025.
/// </summary>
public sealed class LocalAuthorityCatalog
{
    private static readonly Dictionary<string, string> Recoded = new(StringComparer.Ordinal)
    {
        ["E08000016"] = "E08000038", // Barnsley
        ["E08000019"] = "E08000039", // Sheffield
    };

    private readonly Dictionary<string, LocalAuthority> _byCode;

    public LocalAuthorityCatalog(IEnumerable<LocalAuthority> authorities)
    {
        ArgumentNullException.ThrowIfNull(authorities);
        All = [.. authorities];
        _byCode = All.ToDictionary(a => a.GssCode, StringComparer.Ordinal);
    }

    public IReadOnlyList<LocalAuthority> All { get; }

    /// <summary>The list shipped with the service.</summary>
    public static LocalAuthorityCatalog LoadEmbedded()
    {
        using var stream = typeof(LocalAuthorityCatalog).Assembly.GetManifestResourceStream("english-local-authorities.csv")
            ?? throw new InvalidOperationException("english-local-authorities.csv is not embedded");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return Parse(reader.ReadToEnd());
    }

    /// <summary>Parses the CSV (header gss_code,la_number,name,region; RFC 4180 quoting).</summary>
    public static LocalAuthorityCatalog Parse(string csv)
    {
        ArgumentNullException.ThrowIfNull(csv);
        var rows = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var authorities = new List<LocalAuthority>();
        foreach (var row in rows.Skip(1))
        {
            var cells = SplitCsvRow(row);
            if (cells.Count != 4)
            {
                throw new FormatException($"Expected 4 cells in '{row}'");
            }

            authorities.Add(new LocalAuthority(cells[0], cells[1], cells[2], cells[3]));
        }

        return new LocalAuthorityCatalog(authorities);
    }

    /// <summary>The authority with this GSS code (old Barnsley and Sheffield codes map to the new ones), or null.</summary>
    public LocalAuthority? Find(string gssCode)
    {
        ArgumentNullException.ThrowIfNull(gssCode);
        var code = gssCode.Trim().ToUpperInvariant();
        if (Recoded.TryGetValue(code, out var current))
        {
            code = current;
        }

        return _byCode.GetValueOrDefault(code);
    }

    private static List<string> SplitCsvRow(string row)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < row.Length; i++)
        {
            var c = row[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < row.Length && row[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else
            {
                cell.Append(c);
            }
        }

        cells.Add(cell.ToString());
        return cells;
    }
}
