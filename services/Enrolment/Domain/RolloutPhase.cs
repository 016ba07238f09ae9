namespace Accreditation.Enrolment.Domain;

/// <summary>
/// Which authorities take part in this cluster's phase. Phase 1 is Bury, Leeds, Manchester,
/// Oldham and Wigan unless configured otherwise; phase 2 names at most 20; national is every
/// authority in the catalogue.
/// </summary>
public sealed class RolloutPhase
{
    public const string Phase1 = "phase-1";
    public const string Phase2 = "phase-2";
    public const string National = "national";
    public const int Phase2MaximumAuthorities = 20;

    /// <summary>Bury, Manchester, Oldham, Wigan, Leeds.</summary>
    public static readonly IReadOnlyList<string> Phase1Defaults = ["E08000002", "E08000003", "E08000004", "E08000010", "E08000035"];

    private readonly Dictionary<string, LocalAuthority> _participants;

    private RolloutPhase(string name, IEnumerable<LocalAuthority> participants)
    {
        Name = name;
        _participants = participants.ToDictionary(a => a.GssCode, StringComparer.Ordinal);
    }

    public string Name { get; }

    public IReadOnlyCollection<LocalAuthority> Participants => _participants.Values;

    /// <summary>Builds the phase from configuration; a configuration that breaks a rule fails with a message naming it.</summary>
    public static RolloutPhase Create(string name, IEnumerable<string> authorityCodes, LocalAuthorityCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(authorityCodes);
        ArgumentNullException.ThrowIfNull(catalog);
        var codes = authorityCodes.Where(c => !string.IsNullOrWhiteSpace(c)).ToList();
        switch (name)
        {
            case National:
                return new RolloutPhase(name, catalog.All);
            case Phase1:
                return new RolloutPhase(name, Resolve(codes.Count == 0 ? Phase1Defaults : codes, catalog, name));
            case Phase2:
                if (codes.Count == 0)
                {
                    throw new InvalidOperationException("Phase phase-2 needs Phase:Authorities (at most 20 GSS codes)");
                }

                var participants = Resolve(codes, catalog, name);
                if (participants.Count > Phase2MaximumAuthorities)
                {
                    throw new InvalidOperationException(
                        $"Phase phase-2 allows at most {Phase2MaximumAuthorities} authorities; {participants.Count} are configured");
                }

                return new RolloutPhase(name, participants);
            default:
                throw new InvalidOperationException($"Unknown phase '{name}'; expected {Phase1}, {Phase2} or {National}");
        }
    }

    public bool Includes(LocalAuthority authority)
    {
        ArgumentNullException.ThrowIfNull(authority);
        return _participants.ContainsKey(authority.GssCode);
    }

    private static List<LocalAuthority> Resolve(IEnumerable<string> codes, LocalAuthorityCatalog catalog, string phase) =>
        codes.Select(code => catalog.Find(code)
                ?? throw new InvalidOperationException($"Phase {phase} names '{code}', which is not an English local authority GSS code"))
            .DistinctBy(a => a.GssCode)
            .ToList();
}
