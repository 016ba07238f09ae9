using Accreditation.Contracts.Common.V1;

namespace Accreditation.Cli.Simulation;

/// <summary>
/// A candidate the simulation enrolled, and how far it took them: when each component's pass
/// completed (the knowledge-test sitting's scored_at; the simulated-practice session's final
/// outcome's decided_at: the occurred_at of the completion events Reporting hears), or null.
/// </summary>
public sealed record SimulatedCandidate(
    string RegistrationNumber,
    Role Role,
    bool Withdrawn,
    DateTimeOffset? KnowledgeTestPassedAt,
    DateTimeOffset? PracticePassedAt)
{
    /// <summary>
    /// When the regulator's register must show the candidate accredited in the role: at the later
    /// of the two passes; null when they did not pass both, or withdrew (the simulation withdraws
    /// candidates before their first sitting, so always before any pass).
    /// </summary>
    public DateTimeOffset? ExpectedAccreditedAt =>
        Withdrawn || KnowledgeTestPassedAt is not { } knowledge || PracticePassedAt is not { } practice ? null
        : knowledge > practice ? knowledge : practice;
}
