using System.Globalization;
using Accreditation.Cli.Practice;
using Accreditation.Contracts.Common.V1;
using Accreditation.Contracts.Observation.V1;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace Accreditation.Cli.Simulation;

/// <summary>
/// Simulated practice in a simulation. <see cref="PrepareAsync"/> seeds the sample scenarios and
/// registers actors and the <see cref="AssessorPool"/>; <see cref="RunAsync"/> then takes one
/// endorsed candidate through it: schedules a session with a first assessor of the pool who has no
/// conflict of interest (once Observation has heard of the endorsement), scores it as that
/// assessor, follows the service's routing (the second assessor it picked, or one the moderator
/// assigns; the moderator's decision on the mean of the two markings when they disagree) and,
/// after a fail, schedules a resit once the cool-off allows, up to <see cref="SimulationOptions.MaxSessions"/>.
/// </summary>
public sealed class PracticeJourney(Endpoints endpoints, SimulationOptions options, SimulationStats stats)
{
    public const string Location = "Manchester assessment centre, room 2";
    public const int Actors = 3;

    /// <summary>How far back previous employment counts as a conflict when the simulation picks assessors (wider than the service's).</summary>
    public static readonly TimeSpan LookBack = TimeSpan.FromDays(3650);

    /// <summary>Said of a resit that the cool-off puts beyond the simulation's patience.</summary>
    public const string ResitDeferred = "simulated-practice resit not scheduled: the resit cool-off ends after the simulation's wait (Observation__Resits__CoolOff)";

    private IReadOnlyList<Assessor> _pool = [];

    public async Task PrepareAsync(CancellationToken ct)
    {
        try
        {
            await Call(() => endpoints.ScenarioAdmin().ImportScenariosAsync(SampleScenarios.Create(), cancellationToken: ct).ResponseAsync);
        }
        catch (RpcException e) when (e.StatusCode is StatusCode.Unavailable or StatusCode.Unimplemented)
        {
            throw new RpcException(new Status(e.StatusCode, $"{e.Status.Detail} (Observation at {endpoints.ObservationUrl}; --skip-observation simulates without simulated practice)"));
        }

        var registry = endpoints.Registry();
        for (var n = 1; n <= Actors; n++)
        {
            var actor = new Actor { ActorId = $"sim-actor-{n}", DisplayName = $"Simulated actor {n}", Active = true };
            await Call(() => registry.RegisterActorAsync(new RegisterActorRequest { ClientRequestId = Guid.NewGuid().ToString(), Actor = actor }, cancellationToken: ct).ResponseAsync);
        }

        var pool = AssessorPool.For(options.Authorities, DateTimeOffset.UtcNow);
        foreach (var assessor in pool)
        {
            await Call(() => registry.RegisterAssessorAsync(new RegisterAssessorRequest { ClientRequestId = Guid.NewGuid().ToString(), Assessor = assessor }, cancellationToken: ct).ResponseAsync);
        }

        _pool = pool;
    }

    /// <param name="seed">This candidate's own seed: the same seed makes the same choices and scores.</param>
    /// <returns>When the passed session's outcome became final (its decided_at, the time of the completion event); null when no session passed.</returns>
    public async Task<DateTimeOffset?> RunAsync(string authority, Role role, string enrolmentId, double ability, int seed, CancellationToken ct)
    {
        for (var attempt = 1; attempt <= options.MaxSessions; attempt++)
        {
            var random = new Random(unchecked((seed * 397) ^ (attempt * 7919)));
            var first = Pick(role, authority, [], random);
            var deadline = DateTimeOffset.UtcNow + options.Patience;
            Session scheduled;
            try
            {
                scheduled = await ScheduleAsync(enrolmentId, attempt, first, deadline, ct);
            }
            catch (RpcException e) when (ScheduleRefusals.ResitFrom(e) is { } from && from > deadline)
            {
                stats.Note(ResitDeferred);
                break;
            }

            stats.Scheduled(new PracticeSession(authority, enrolmentId, scheduled.SessionId, attempt));
            var done = await MarkAsync(authority, role, scheduled, attempt, first, ability, random, ct);
            if (done.State != SessionState.Completed)
            {
                stats.Error($"simulated-practice session left {done.State} after every marking");
                stats.Reached(authority, Stage.Errored);
                return null;
            }

            if (done.Outcome?.Outcome == AssessmentOutcome.Passed)
            {
                stats.Reached(authority, Stage.PracticePassed);
                return done.Outcome.DecidedAt?.ToDateTimeOffset();
            }

            ability = Math.Min(0.97, ability + 0.2);
        }

        stats.Reached(authority, Stage.PracticeNotPassed);
        return null;
    }

    private async Task<Session> ScheduleAsync(string enrolmentId, int attempt, string assessorId, DateTimeOffset deadline, CancellationToken ct)
    {
        var request = new ScheduleSessionRequest
        {
            ClientRequestId = string.Create(CultureInfo.InvariantCulture, $"sim-{enrolmentId}-session-{attempt}"),
            EnrolmentId = enrolmentId,
            // A minute back (the service allows a few), so the first marking is open at once.
            SlotStart = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddMinutes(-1)),
            Location = Location,
            AssessorId = assessorId,
        };
        var scheduling = endpoints.Scheduling();
        var response = await Retry.WhileNotYetAsync(
            () => Call(() => scheduling.ScheduleSessionAsync(request, cancellationToken: ct).ResponseAsync),
            e => ScheduleRefusals.NotKnownYet(e) || ScheduleRefusals.ResitFrom(e) is { } from && from <= deadline,
            deadline - DateTimeOffset.UtcNow,
            ct);
        return response.Session;
    }

    private async Task<Session> MarkAsync(string authority, Role role, Session session, int attempt, string first, double ability, Random random, CancellationToken ct)
    {
        var id = session.SessionId;
        var scoring = endpoints.Scoring(first);
        var assigned = (await Call(() => scoring.GetAssignedSessionAsync(new GetAssignedSessionRequest { SessionId = id }, cancellationToken: ct).ResponseAsync)).Session;
        var scores = PracticeScoring.Score(assigned.Components, ability, random);
        await Call(() => scoring.SaveScoresAsync(new SaveScoresRequest { SessionId = id, Scores = { scores }, Reason = "scores recorded during the observation" }, cancellationToken: ct).ResponseAsync);
        var marked = (await Call(() => scoring.SubmitScoresAsync(new SubmitScoresRequest { SessionId = id, Reason = "first marking submitted" }, cancellationToken: ct).ResponseAsync)).Session;
        stats.Reached(authority, attempt == 1 ? Stage.Observed : Stage.Reobserved);

        if (marked.State == SessionState.AwaitingSecondMarking)
        {
            stats.Reached(authority, Stage.SecondMarked);
            var second = marked.SecondAssessorId;
            if (second.Length == 0)
            {
                second = Pick(role, authority, [first], random);
                await Call(() => endpoints.Moderation().AssignSecondAssessorAsync(new AssignSecondAssessorRequest { SessionId = id, AssessorId = second }, cancellationToken: ct).ResponseAsync);
            }

            var secondScoring = endpoints.Scoring(second);
            var rubric = (await Call(() => secondScoring.GetAssignedSessionAsync(new GetAssignedSessionRequest { SessionId = id }, cancellationToken: ct).ResponseAsync)).Session;
            var secondScores = PracticeScoring.Score(rubric.Components, ability, random);
            marked = (await Call(() => secondScoring.SubmitScoresAsync(new SubmitScoresRequest { SessionId = id, Scores = { secondScores }, Reason = "second marking submitted" }, cancellationToken: ct).ResponseAsync)).Session;
        }

        if (marked.State == SessionState.AwaitingModeration)
        {
            stats.Reached(authority, Stage.Moderated);
            var moderation = endpoints.Moderation();
            var moderationCase = (await Call(() => moderation.GetModerationCaseAsync(new GetModerationCaseRequest { SessionId = id }, cancellationToken: ct).ResponseAsync)).Session;
            marked = (await Call(() => moderation.DecideModerationAsync(
                new DecideModerationRequest
                {
                    SessionId = id,
                    Scores = { ModerationDecision.Scores(moderationCase, ModerationBasis.Mean) },
                    Rationale = ModerationDecision.Rationale(ModerationBasis.Mean),
                },
                cancellationToken: ct).ResponseAsync)).Session;
        }

        return marked;
    }

    /// <summary>An assessor of the pool with no conflict of interest with the candidate, drawn with the candidate's random.</summary>
    private string Pick(Role role, string authority, IReadOnlyCollection<string> excluded, Random random)
    {
        var eligible = AssessorPool.Eligible(_pool, role, authority, DateTimeOffset.UtcNow, LookBack, excluded);
        return eligible.Count == 0
            ? throw new InvalidOperationException($"the assessor pool has no assessor for a candidate of {authority}")
            : eligible[random.Next(eligible.Count)].AssessorId;
    }

    private async Task<T> Call<T>(Func<Task<T>> call)
    {
        stats.Call();
        return await call();
    }
}
