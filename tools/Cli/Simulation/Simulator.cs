using Accreditation.Contracts.Common.V1;
using Accreditation.Contracts.Enrolment.V1;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace Accreditation.Cli.Simulation;

/// <summary>
/// Drives candidates through every step that exists, concurrently: enrolment by the employer,
/// the manager's endorsement, and for a share of them a voluntary withdrawal.
/// </summary>
public sealed class Simulator(Endpoints endpoints, SimulationOptions options)
{
    public SimulationStats Stats { get; } = new();

    public async Task RunAsync(Action<SimulationStats>? progress, CancellationToken cancellationToken)
    {
        var random = new Random(options.Seed);
        var firstNumber = random.Next(100_000, 900_000 - options.Candidates);
        var plans = Enumerable.Range(0, options.Candidates).Select(i => new CandidatePlan(
            Authority: options.Authorities[i % options.Authorities.Count],
            RegistrationNumber: "SW" + (firstNumber + i),
            Role: random.NextDouble() < 0.2 ? Role.PracticeSupervisor : Role.ChildAndFamilyPractitioner,
            Withdraws: random.NextDouble() < options.WithdrawalShare)).ToList();
        await Parallel.ForEachAsync(
            plans,
            new ParallelOptions { MaxDegreeOfParallelism = options.Concurrency, CancellationToken = cancellationToken },
            async (plan, ct) =>
            {
                await JourneyAsync(plan, ct);
                Stats.JourneyDone();
                progress?.Invoke(Stats);
            });
    }

    private async Task JourneyAsync(CandidatePlan plan, CancellationToken ct)
    {
        var client = endpoints.Enrolment(plan.Authority);
        try
        {
            var enrolment = (await Call(() => client.EnrolCandidateAsync(new EnrolCandidateRequest
            {
                ClientRequestId = Guid.NewGuid().ToString(),
                RegistrationNumber = plan.RegistrationNumber,
                GivenName = "Candidate",
                FamilyName = plan.RegistrationNumber,
                WorkEmail = $"{plan.RegistrationNumber.ToLowerInvariant()}@council.example.gov.uk",
                Role = plan.Role,
                EmployingAuthorityCode = plan.Authority,
                HrReference = "SIM-" + plan.RegistrationNumber,
                Consent = new Consent
                {
                    AssessmentConsent = true,
                    ConsentedAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow),
                    ConsentTextVersion = "2018-06",
                    FilmingConsent = true,
                },
            }, cancellationToken: ct).ResponseAsync)).Enrolment;
            Stats.Reached(plan.Authority, Stage.Enrolled);

            await Call(() => client.EndorseEnrolmentAsync(new EndorseEnrolmentRequest
            {
                ClientRequestId = Guid.NewGuid().ToString(),
                EnrolmentId = enrolment.EnrolmentId,
                EndorserName = "Simulated Manager",
                EndorserJobTitle = "Team manager",
            }, cancellationToken: ct).ResponseAsync);
            Stats.Reached(plan.Authority, Stage.Endorsed);

            if (plan.Withdraws)
            {
                await Call(() => client.WithdrawEnrolmentAsync(new WithdrawEnrolmentRequest
                {
                    ClientRequestId = Guid.NewGuid().ToString(),
                    EnrolmentId = enrolment.EnrolmentId,
                    Reason = "Simulated voluntary withdrawal",
                }, cancellationToken: ct).ResponseAsync);
                Stats.Reached(plan.Authority, Stage.Withdrawn);
            }
        }
        catch (RpcException e)
        {
            Stats.Error($"{e.StatusCode}: {e.Status.Detail}");
            Stats.Reached(plan.Authority, Stage.Failed);
        }
    }

    private async Task<T> Call<T>(Func<Task<T>> call)
    {
        Stats.Call();
        return await call();
    }

    private sealed record CandidatePlan(string Authority, string RegistrationNumber, Role Role, bool Withdraws);
}
