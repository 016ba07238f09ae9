using System.Globalization;
using System.Reflection;
using Accreditation.BuildingBlocks.Data;
using Accreditation.BuildingBlocks.Protobuf;
using Accreditation.Contracts.Common.V1;

namespace Accreditation.AssessmentRules.Kss;

/// <summary>
/// The Knowledge and Skills Statements of both roles (practitioner 10, practice supervisor 8),
/// shipped as data: each service embeds its own copy of kss-statements.csv (role,number,title) and
/// loads it with this one reader.
/// </summary>
public sealed class KssCatalog
{
    public const string ResourceName = "kss-statements.csv";

    private readonly Dictionary<(Role Role, int Number), KssStatementEntry> _statements;

    public KssCatalog(IEnumerable<KssStatementEntry> statements)
    {
        ArgumentNullException.ThrowIfNull(statements);
        _statements = statements.ToDictionary(s => (s.Role, s.Number));
    }

    /// <summary>The catalogue embedded in <paramref name="assembly"/> (the calling service's own copy).</summary>
    public static KssCatalog LoadEmbedded(Assembly assembly) =>
        new(CsvTable.ReadEmbedded(assembly, ResourceName).Rows.Select(r => new KssStatementEntry(
            ProtoEnumNames.Parse<Role>(r["role"]),
            int.Parse(r["number"], CultureInfo.InvariantCulture),
            r["title"])));

    public IReadOnlyList<KssStatementEntry> For(Role role) =>
        _statements.Values.Where(s => s.Role == role).OrderBy(s => s.Number).ToList();

    public IReadOnlyList<KssStatementEntry> All => _statements.Values.OrderBy(s => s.Role).ThenBy(s => s.Number).ToList();

    public bool Exists(Role role, int number) => _statements.ContainsKey((role, number));

    public string Title(Role role, int number) => _statements.TryGetValue((role, number), out var s) ? s.Title : "";
}
