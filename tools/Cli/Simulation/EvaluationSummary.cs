using Accreditation.Cli.Output;
using Accreditation.Cli.Reporting;
using Accreditation.Contracts.Reporting.V1;
using Spectre.Console;

namespace Accreditation.Cli.Simulation;

/// <summary>
/// The end of a simulation: the phase's evaluation as Reporting publishes it, the all-authorities
/// row of each role and every group gap flagged on any of the four equality-monitoring questions.
/// Informational: figures suppressed ("c") or not applicable ("z") are printed as they are and never
/// fail the run.
/// </summary>
public static class EvaluationSummary
{
    private const string Legend = "c suppressed, z not applicable, rates in %";

    /// <summary>The equality-monitoring questions whose gaps are looked at, in the order of the proto.</summary>
    public static readonly EqualityDimension[] Dimensions =
        [EqualityDimension.AgeBand, EqualityDimension.EthnicGroup, EqualityDimension.Sex, EqualityDimension.Disability];

    /// <returns>The number of flagged gaps printed.</returns>
    public static async Task<int> WriteAsync(EvaluationService.EvaluationServiceClient client, string phase, IAnsiConsole console, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(phase);
        ArgumentNullException.ThrowIfNull(console);
        var rows = (await client.GetStageFiguresAsync(new GetStageFiguresRequest { Phase = phase }, cancellationToken: ct)).Rows
            .Where(r => r.AllAuthorities)
            .ToList();
        if (rows.Count == 0)
        {
            console.WriteLine($"evaluation: Reporting has no figures for {phase} yet");
            return 0;
        }

        console.WriteLine($"evaluation of {phase}, all authorities ({Legend}):");
        console.WriteTable(EvaluationText.StageTable(rows));
        var flagged = new List<string>();
        foreach (var role in rows.Select(r => r.Role).Distinct())
        {
            foreach (var dimension in Dimensions)
            {
                var gaps = await client.GetGroupGapsAsync(new GetGroupGapsRequest { Phase = phase, Role = role, Dimension = dimension }, cancellationToken: ct);
                flagged.AddRange(EvaluationText.Flagged(gaps));
            }
        }

        foreach (var line in flagged)
        {
            console.WriteLine(line);
        }

        console.WriteLine(flagged.Count switch
        {
            0 => "evaluation: no group gap flagged (age, ethnic group, sex, disability)",
            1 => "evaluation: 1 group gap flagged (its 95% interval excludes zero)",
            var n => $"evaluation: {n} group gaps flagged (their 95% intervals exclude zero)",
        });
        return flagged.Count;
    }
}
