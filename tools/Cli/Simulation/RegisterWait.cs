using Accreditation.Cli.Commands;
using Accreditation.Contracts.Reporting.V1;

namespace Accreditation.Cli.Simulation;

/// <summary>
/// Asks Reporting for the statuses of a run's registration numbers (CheckAccreditationStatuses, at
/// most 100 a call) until the register matches the simulation (<see cref="RegisterCheck"/>) or the
/// patience runs out. The register lags the services: the completion events reach Reporting
/// through Dapr, so a difference is only final once the patience is over.
/// </summary>
public sealed class RegisterWait(RegulatorService.RegulatorServiceClient client, TimeSpan patience, TimeSpan pause)
{
    /// <summary>The differences at the end: empty once the register matched, else those of the last look.</summary>
    public async Task<IReadOnlyList<string>> UntilMatchedAsync(IReadOnlyList<SimulatedCandidate> candidates, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        var deadline = DateTimeOffset.UtcNow + patience;
        while (true)
        {
            var problems = RegisterCheck.Compare(candidates, await LookAsync(candidates, cancellationToken));
            if (problems.Count == 0 || DateTimeOffset.UtcNow >= deadline)
            {
                return problems;
            }

            await Task.Delay(pause, cancellationToken);
        }
    }

    private async Task<IReadOnlyList<RegistrationStatus>> LookAsync(IReadOnlyList<SimulatedCandidate> candidates, CancellationToken cancellationToken)
    {
        var statuses = new List<RegistrationStatus>();
        foreach (var batch in candidates.Select(c => c.RegistrationNumber).Distinct(StringComparer.Ordinal).Chunk(Parse.MaxRegistrationNumbers))
        {
            var response = await client.CheckAccreditationStatusesAsync(new CheckAccreditationStatusesRequest { RegistrationNumbers = { batch } }, cancellationToken: cancellationToken);
            statuses.AddRange(response.Statuses);
        }

        return statuses;
    }
}
