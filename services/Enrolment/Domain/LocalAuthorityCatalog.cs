using Accreditation.BuildingBlocks.Auth;
using Accreditation.BuildingBlocks.Data;

namespace Accreditation.Enrolment.Domain;

/// <summary>
/// Every English local authority with children's services (DfE's list, 153 rows). Finds an
/// authority by GSS code in any spelling <see cref="AuthorityCodes"/> normalises (old codes of
/// recoded authorities included).
/// </summary>
public sealed class LocalAuthorityCatalog
{
    private readonly Dictionary<string, LocalAuthority> _byCode;

    public LocalAuthorityCatalog(IEnumerable<LocalAuthority> authorities)
    {
        ArgumentNullException.ThrowIfNull(authorities);
        All = [.. authorities];
        _byCode = All.ToDictionary(a => a.GssCode, StringComparer.Ordinal);
    }

    public IReadOnlyList<LocalAuthority> All { get; }

    /// <summary>The list shipped with the service.</summary>
    public static LocalAuthorityCatalog LoadEmbedded() =>
        From(CsvTable.ReadEmbedded(typeof(LocalAuthorityCatalog).Assembly, "english-local-authorities.csv"));

    /// <summary>Parses the CSV (header gss_code,la_number,name,region; RFC 4180 quoting).</summary>
    public static LocalAuthorityCatalog Parse(string csv) => From(CsvTable.Parse(csv));

    /// <summary>The authority with this GSS code (normalised, so old codes map to their successors), or null.</summary>
    public LocalAuthority? Find(string gssCode)
    {
        ArgumentNullException.ThrowIfNull(gssCode);
        return _byCode.GetValueOrDefault(AuthorityCodes.Normalise(gssCode));
    }

    private static LocalAuthorityCatalog From(CsvTable table) =>
        new(table.Rows.Select(r => new LocalAuthority(r["gss_code"], r["la_number"], r["name"], r["region"])));
}
