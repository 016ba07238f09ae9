using Accreditation.BuildingBlocks.Data;
using Accreditation.BuildingBlocks.Protobuf;
using Accreditation.Contracts.Common.V1;
using Accreditation.Contracts.Observation.V1;

namespace Accreditation.Observation.Domain;

/// <summary>The Knowledge and Skills Statements of both roles, shipped as data (Observation's own copy).</summary>
public sealed class KssCatalog
{
    private readonly Dictionary<(Role Role, int Number), KssStatement> _statements;

    public KssCatalog(IEnumerable<KssStatement> statements)
    {
        ArgumentNullException.ThrowIfNull(statements);
        _statements = statements.ToDictionary(s => (s.Role, s.Number));
    }

    public static KssCatalog LoadEmbedded() =>
        new(CsvTable.ReadEmbedded(typeof(KssCatalog).Assembly, "kss-statements.csv").Rows.Select(r => new KssStatement
        {
            Role = ProtoEnumNames.Parse<Role>(r["role"]),
            Number = int.Parse(r["number"], System.Globalization.CultureInfo.InvariantCulture),
            Title = r["title"],
        }));

    public IReadOnlyList<KssStatement> For(Role role) =>
        _statements.Values.Where(s => s.Role == role).OrderBy(s => s.Number).ToList();

    public IReadOnlyList<KssStatement> All => _statements.Values.OrderBy(s => s.Role).ThenBy(s => s.Number).ToList();

    public bool Exists(Role role, int number) => _statements.ContainsKey((role, number));

    public string Title(Role role, int number) => _statements.TryGetValue((role, number), out var s) ? s.Title : "";
}
