using Accreditation.Cli.Output;
using Accreditation.Cli.Reporting;
using Accreditation.Contracts.Common.V1;
using Accreditation.Contracts.Reporting.V1;

namespace Accreditation.Cli.Simulation;

/// <summary>
/// Compares the regulator's register, as CheckAccreditationStatuses answers for a run's registration
/// numbers, with what the simulation drove its candidates to: every candidate who passed both
/// components (and did not withdraw) is accredited in their role at the later pass, to the tick
/// (the register keeps the occurred_at of the later completion event, and the simulation read
/// the same instant back from Testing and Observation); nobody else of the run is accredited in
/// any role. Numbers outside the run are not looked at.
/// </summary>
public static class RegisterCheck
{
    /// <summary>The differences, one line each; empty when the register matches.</summary>
    public static IReadOnlyList<string> Compare(IReadOnlyList<SimulatedCandidate> candidates, IReadOnlyList<RegistrationStatus> register)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(register);
        var run = candidates.Select(c => c.RegistrationNumber).ToHashSet(StringComparer.Ordinal);
        var accredited = new Dictionary<(string Number, Role Role), DateTimeOffset?>();
        foreach (var status in register.Where(s => run.Contains(s.RegistrationNumber)))
        {
            foreach (var role in status.Roles.Where(r => r.Status == AccreditationStatus.Accredited))
            {
                accredited[(status.RegistrationNumber, role.Role)] = role.AccreditedAt?.ToDateTimeOffset();
            }
        }

        var problems = new List<string>();
        var explained = new HashSet<(string Number, Role Role)>();
        foreach (var candidate in candidates.Where(c => c.ExpectedAccreditedAt is not null).OrderBy(c => c.RegistrationNumber, StringComparer.Ordinal))
        {
            var key = (candidate.RegistrationNumber, candidate.Role);
            var expected = candidate.ExpectedAccreditedAt!.Value;
            var name = $"{candidate.RegistrationNumber} ({RegisterText.Role(candidate.Role)})";
            if (accredited.TryGetValue(key, out var at))
            {
                explained.Add(key);
                if (at != expected)
                {
                    problems.Add($"{name} is accredited at {Precise(at)} on the register, the simulation expects {Precise(expected)} (the later pass)");
                }

                continue;
            }

            var other = accredited.Keys.Where(k => k.Number == candidate.RegistrationNumber && k.Role != candidate.Role).ToList();
            explained.UnionWith(other);
            problems.Add(other.Count > 0
                ? $"{name} is accredited as {string.Join(" and ", other.Select(k => RegisterText.Role(k.Role)))} on the register instead, the simulation expects {RegisterText.Role(candidate.Role)} at {Precise(expected)}"
                : $"{name} is not accredited on the register, the simulation expects accredited at {Precise(expected)} (the later pass)");
        }

        foreach (var ((number, role), at) in accredited.Where(a => !explained.Contains(a.Key)).OrderBy(a => a.Key.Number, StringComparer.Ordinal).ThenBy(a => a.Key.Role))
        {
            problems.Add($"{number} ({RegisterText.Role(role)}) is accredited at {Precise(at)} on the register, the simulation did not take them through both components");
        }

        return problems;
    }

    /// <summary>How many of the run's candidates the register must show accredited.</summary>
    public static int ExpectedCount(IReadOnlyList<SimulatedCandidate> candidates)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        return candidates.Count(c => c.ExpectedAccreditedAt is not null);
    }

    private static string Precise(DateTimeOffset? at) =>
        at is { } time ? Times.Precise(Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(time)) : "no date";
}
