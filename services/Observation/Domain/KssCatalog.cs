using System.Text;
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

    public static KssCatalog LoadEmbedded()
    {
        using var stream = typeof(KssCatalog).Assembly.GetManifestResourceStream("kss-statements.csv")
            ?? throw new InvalidOperationException("kss-statements.csv is not embedded");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var statements = new List<KssStatement>();
        foreach (var line in reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Skip(1))
        {
            var first = line.IndexOf(',', StringComparison.Ordinal);
            var second = line.IndexOf(',', first + 1);
            statements.Add(new KssStatement
            {
                Role = Enum.Parse<Role>(ProtoEnumName(line[..first])),
                Number = int.Parse(line[(first + 1)..second], System.Globalization.CultureInfo.InvariantCulture),
                Title = line[(second + 1)..].Trim('"'),
            });
        }

        return new KssCatalog(statements);
    }

    public IReadOnlyList<KssStatement> For(Role role) =>
        _statements.Values.Where(s => s.Role == role).OrderBy(s => s.Number).ToList();

    public IReadOnlyList<KssStatement> All => _statements.Values.OrderBy(s => s.Role).ThenBy(s => s.Number).ToList();

    public bool Exists(Role role, int number) => _statements.ContainsKey((role, number));

    public string Title(Role role, int number) => _statements.TryGetValue((role, number), out var s) ? s.Title : "";

    // ROLE_CHILD_AND_FAMILY_PRACTITIONER -> ChildAndFamilyPractitioner, the C# name protoc gives.
    private static string ProtoEnumName(string name) =>
        string.Concat(name["ROLE_".Length..].Split('_').Select(w => w[..1] + w[1..].ToLowerInvariant()));
}
