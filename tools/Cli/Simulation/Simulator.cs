using Accreditation.Contracts.Common.V1;
using Accreditation.Contracts.Enrolment.V1;
using Accreditation.Contracts.Testing.V1;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace Accreditation.Cli.Simulation;

/// <summary>
/// Drives candidates through every step that exists, concurrently: enrolment by the employer,
/// the manager's endorsement, for a share of them a voluntary withdrawal, and for the rest the
/// knowledge test: booking (once Testing has heard of the endorsement), the sitting and, after a
/// fail, resits once the cool-off allows; then simulated practice (<see cref="PracticeJourney"/>).
/// About a quarter of candidates are weaker at each and tend to fail their first attempt. The plan of
/// every candidate (authority, role, withdrawal, abilities) follows from the seed alone.
/// </summary>
public sealed class Simulator
{
    /// <summary>Ability in simulated practice of the stronger three quarters and the weaker quarter (see <see cref="Practice.PracticeScoring"/>).</summary>
    public const double StrongPractice = 0.92;
    public const double WeakPractice = 0.4;
    public const double WeakPracticeShare = 0.25;

    private readonly Endpoints _endpoints;
    private readonly SimulationOptions _options;
    private readonly Random _answers;
    private readonly PracticeJourney _practice;
    private KeyBook? _keys;

    public Simulator(Endpoints endpoints, SimulationOptions options)
    {
        _endpoints = endpoints ?? throw new ArgumentNullException(nameof(endpoints));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _answers = new Random(options.Seed);
        _practice = new PracticeJourney(endpoints, options, Stats);
    }

    public SimulationStats Stats { get; } = new();

    /// <summary>
    /// Every candidate's simulated-practice ability, in candidate order: exactly a quarter (rounded)
    /// weaker, which ones drawn from a random of its own, so the other draws of a seed stay as they
    /// were and a small run shows the share as well as a large one.
    /// </summary>
    public static IReadOnlyList<double> PracticeAbilities(int seed, int candidates)
    {
        var order = Enumerable.Range(0, candidates).ToArray();
        new Random(unchecked(seed ^ 0x5eed0b5)).Shuffle(order);
        var weak = order.Take((int)Math.Round(candidates * WeakPracticeShare, MidpointRounding.AwayFromZero)).ToHashSet();
        return [.. Enumerable.Range(0, candidates).Select(i => weak.Contains(i) ? WeakPractice : StrongPractice)];
    }

    public async Task RunAsync(Action<SimulationStats>? progress, CancellationToken cancellationToken)
    {
        var options = _options;
        var endpoints = _endpoints;
        var random = new Random(options.Seed);
        var practiceAbilities = PracticeAbilities(options.Seed, options.Candidates);
        var firstNumber = random.Next(100_000, 900_000 - options.Candidates);
        var plans = Enumerable.Range(0, options.Candidates).Select(i => new CandidatePlan(
            Authority: options.Authorities[i % options.Authorities.Count],
            RegistrationNumber: "SW" + (firstNumber + i),
            Role: random.NextDouble() < 0.2 ? Role.PracticeSupervisor : Role.ChildAndFamilyPractitioner,
            Withdraws: random.NextDouble() < options.WithdrawalShare,
            Ability: random.NextDouble() < 0.25 ? 0.45 : 0.85,
            PracticeAbility: practiceAbilities[i],
            Index: i)).ToList();
        if (options.KnowledgeTest)
        {
            Stats.Call();
            await endpoints.BankAdmin().ImportItemsAsync(Bank.SampleBank.Create(), cancellationToken: cancellationToken);
            _keys = new KeyBook(endpoints.BankAdmin());
        }

        if (options.RunsPractice)
        {
            await _practice.PrepareAsync(cancellationToken);
        }

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
        var client = _endpoints.Enrolment(plan.Authority);
        var enrolled = false;
        DateTimeOffset? knowledgeTestPassedAt = null;
        DateTimeOffset? practicePassedAt = null;
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
            enrolled = true;

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
            else if (_options.KnowledgeTest)
            {
                knowledgeTestPassedAt = await KnowledgeTestAsync(plan, enrolment.EnrolmentId, ct);
                if (_options.RunsPractice)
                {
                    practicePassedAt = await _practice.RunAsync(plan.Authority, plan.Role, enrolment.EnrolmentId, plan.PracticeAbility, unchecked(_options.Seed + (plan.Index * 7_919)), ct);
                }
            }
        }
        catch (RpcException e)
        {
            Stats.Error($"{e.StatusCode}: {e.Status.Detail}");
            Stats.Reached(plan.Authority, Stage.Errored);
        }
        finally
        {
            if (enrolled)
            {
                Stats.Enrolled(new SimulatedCandidate(plan.RegistrationNumber, plan.Role, plan.Withdraws, knowledgeTestPassedAt, practicePassedAt));
            }
        }
    }

    /// <returns>When the passed sitting was scored (the time of its completion event); null when no sitting passed.</returns>
    private async Task<DateTimeOffset?> KnowledgeTestAsync(CandidatePlan plan, string enrolmentId, CancellationToken ct)
    {
        var delivery = _endpoints.Delivery();
        var ability = plan.Ability;
        for (var sitting = 1; sitting <= _options.MaxSittings; sitting++)
        {
            var booked = await Retry.WhileNotYetAsync(
                () => Call(() => delivery.BookSittingAsync(new BookSittingRequest
                {
                    ClientRequestId = $"{enrolmentId}-{sitting}",
                    EnrolmentId = enrolmentId,
                    SlotStart = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow),
                    Mode = sitting % 2 == 1 ? DeliveryMode.Online : DeliveryMode.TestCentre,
                    TestCentre = sitting % 2 == 1 ? "" : "Manchester test centre",
                }, cancellationToken: ct).ResponseAsync),
                e => e.StatusCode == StatusCode.FailedPrecondition && (e.Status.Detail.Contains("not known", StringComparison.Ordinal)
                    || e.Status.Detail.Contains("no practice endorsement", StringComparison.Ordinal)
                    || e.Status.Detail.Contains("resit may be booked from", StringComparison.Ordinal)),
                _options.Patience,
                ct);
            var started = await Call(() => delivery.StartSittingAsync(new StartSittingRequest { SittingId = booked.Sitting.SittingId }, cancellationToken: ct).ResponseAsync);
            Stats.Reached(plan.Authority, sitting == 1 ? Stage.Sat : Stage.Resat);
            var answers = await Candidate.AnswerAsync(started.Items, _keys!, ability, _answers);
            await Call(() => delivery.SaveAnswersAsync(new SaveAnswersRequest { SittingId = booked.Sitting.SittingId, Answers = { answers } }, cancellationToken: ct).ResponseAsync);
            var result = (await Call(() => delivery.SubmitSittingAsync(new SubmitSittingRequest { SittingId = booked.Sitting.SittingId }, cancellationToken: ct).ResponseAsync)).Sitting.Result;
            if (result.Outcome == AssessmentOutcome.Passed)
            {
                Stats.Reached(plan.Authority, Stage.Passed);
                return result.ScoredAt?.ToDateTimeOffset();
            }

            ability = Math.Min(0.95, ability + 0.2);
        }

        Stats.Reached(plan.Authority, Stage.NotPassed);
        return null;
    }

    private async Task<T> Call<T>(Func<Task<T>> call)
    {
        Stats.Call();
        return await call();
    }

    private sealed record CandidatePlan(string Authority, string RegistrationNumber, Role Role, bool Withdraws, double Ability, double PracticeAbility, int Index);
}
