using Accreditation.BuildingBlocks.Auth;
using Accreditation.BuildingBlocks.Errors;
using Accreditation.BuildingBlocks.Idempotency;
using Accreditation.BuildingBlocks.Validation;
using Accreditation.Contracts.Observation.V1;
using Accreditation.Observation.Domain;
using Accreditation.Observation.Infrastructure;
using Google.Protobuf;
using Microsoft.Extensions.Options;

namespace Accreditation.Observation.Application;

/// <summary>
/// The assessment centre's booking use cases. Sessions are bound to the `sub` of the booking
/// system that scheduled them. Every change re-reads the candidate and the session and commits
/// them together (optimistic concurrency), so enrolment events and scheduling calls never
/// overwrite each other.
/// </summary>
public sealed class SchedulingCommands(
    SessionRepository sessions,
    ScenarioRepository scenarios,
    RegistryRepository registry,
    CommandLog commandLog,
    IOptions<ObservationOptions> options,
    TimeProvider clock)
{
    private const int MaxAttempts = 5;
    private const int MaxLocationLength = 200;

    private ObservationOptions Options => options.Value;

    public async Task<Session> ScheduleAsync(Caller caller, ScheduleSessionRequest request)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        var command = ObservationCommandKeys.For(caller, nameof(ScheduleAsync), request.ClientRequestId, request);
        var enrolmentId = Require.Id("enrolment_id", request.EnrolmentId);
        var now = clock.GetUtcNow();
        var slot = Slot(request.SlotStart, now);
        var location = Location(request.Location);
        var assessorId = request.AssessorId.Length == 0 ? "" : Require.Id("assessor_id", request.AssessorId);

        var scheduled = await commandLog.RunOnceAsync(command, async () =>
        {
            var candidate = await sessions.GetCandidateAsync(enrolmentId);
            var historyId = candidate is null ? null : SessionRepository.HistoryId(candidate.Value.RegistrationNumber, candidate.Value.Role);
            var history = historyId is null ? null : await sessions.GetHistoryAsync(historyId);
            var eligible = SessionRules.EnsureMaySchedule(candidate?.Value, history?.Value ?? [], enrolmentId, Options.Resits, now);

            var sessionId = Guid.CreateVersion7().ToString();
            var random = SeededDraw.RandomFor(Options.Moderation.Seed, sessionId, "plan");
            var components = SessionPlanner.Components(eligible.Role, await scenarios.ListAsync(eligible.Role), await registry.ListActorsAsync(), Options.Components, slot, random);
            var assessor = await FirstAssessorAsync(assessorId, eligible, slot, now, random);
            var (session, updated) = SessionRules.Schedule(eligible, history?.Value ?? [], enrolmentId, sessionId, slot, location, components, assessor, caller.Subject, Options.Resits, now);
            var answer = SessionMapper.ToContract(session, SessionViewer.Scheduling, caller.Subject).ToByteArray();
            var change = new SessionChange
            {
                CandidateBefore = candidate,
                Candidate = updated,
                Session = session,
                HistoryKey = historyId,
                HistoryBefore = history,
                Command = command,
                Response = answer,
            };
            return await sessions.SaveAsync(change, now) ? answer : null;
        });
        return Session.Parser.ParseFrom(scheduled);
    }

    public async Task<Session> RescheduleAsync(Caller caller, RescheduleSessionRequest request)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        var slot = Slot(request.SlotStart, clock.GetUtcNow());
        var location = request.Location.Length == 0 ? null : Location(request.Location);
        var assessorId = request.AssessorId.Length == 0 ? null : Require.Id("assessor_id", request.AssessorId);
        return await ChangeAsync(caller, request.SessionId, async (session, candidate, now) =>
        {
            var next = SessionRules.Reschedule(session, slot, location ?? session.Location, assessorId ?? session.FirstAssessorId);
            if (!ReferenceEquals(next, session))
            {
                var assessor = await registry.GetAssessorAsync(next.FirstAssessorId)
                    ?? throw new NotFoundException($"assessor {next.FirstAssessorId} is not registered", "assessor_id");
                SessionPlanner.EnsureMayAssess(assessor, session.Role, candidate.Authority.GssCode, now, slot, Options.ConflictOfInterest, "assessor_id");
            }

            return new SessionChange { Session = next };
        });
    }

    public Task<Session> CancelAsync(Caller caller, CancelSessionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var reason = string.IsNullOrWhiteSpace(request.Reason) ? "cancelled by the assessment centre" : request.Reason.Trim();
        if (reason.Length > 500)
        {
            throw new ValidationException("reason", "must be at most 500 characters");
        }

        return ChangeAsync(caller, request.SessionId, (session, candidate, _) =>
        {
            var (s, c) = SessionRules.Cancel(session, candidate, reason);
            return Task.FromResult(new SessionChange { Session = s, Candidate = c });
        });
    }

    public async Task<Session> GetAsync(Caller caller, GetSessionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var session = await OwnSessionAsync(caller, request.SessionId);
        return SessionMapper.ToContract(session.Value, SessionViewer.Scheduling, caller.Subject);
    }

    public async Task<GetSessionOutcomeResponse> GetOutcomeAsync(Caller caller, GetSessionOutcomeRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var session = (await OwnSessionAsync(caller, request.SessionId)).Value;
        if (session.State != SessionState.Completed || session.Result is null)
        {
            throw new DomainRuleException($"session {session.SessionId} is {SessionRules.StateName(session.State)}; its outcome is not final yet");
        }

        return new GetSessionOutcomeResponse
        {
            SessionId = session.SessionId,
            EnrolmentId = session.EnrolmentId,
            AttemptNumber = session.AttemptNumber,
            Outcome = SessionMapper.ToContract(session.Result),
        };
    }

    private async Task<string> FirstAssessorAsync(string assessorId, CandidateRecord candidate, DateTimeOffset slot, DateTimeOffset now, Random random)
    {
        if (assessorId.Length > 0)
        {
            var named = await registry.GetAssessorAsync(assessorId) ?? throw new NotFoundException($"assessor {assessorId} is not registered", "assessor_id");
            SessionPlanner.EnsureMayAssess(named, candidate.Role, candidate.Authority.GssCode, now, slot, Options.ConflictOfInterest, "assessor_id");
            return assessorId;
        }

        var eligible = SessionPlanner.EligibleAssessors(await registry.ListAssessorsAsync(), candidate.Role, candidate.Authority.GssCode, now, slot, Options.ConflictOfInterest, []);
        if (eligible.Count == 0)
        {
            throw new DomainRuleException($"no registered assessor of {candidate.Role} is available at {SessionRules.Iso(slot)} without a conflict of interest", "assessor_id");
        }

        return eligible[random.Next(eligible.Count)].AssessorId;
    }

    private async Task<Stored<SessionRecord>> OwnSessionAsync(Caller caller, string sessionId)
    {
        var id = Require.Id("session_id", sessionId);
        var session = await sessions.GetSessionAsync(id) ?? throw new NotFoundException($"session {id} does not exist", "session_id");
        if (session.Value.ScheduledBy != caller.Subject)
        {
            throw new PermissionDeniedException($"session {id} was scheduled by another booking system", "session_id");
        }

        return session;
    }

    private async Task<Session> ChangeAsync(Caller caller, string sessionId, Func<SessionRecord, CandidateRecord, DateTimeOffset, Task<SessionChange>> change)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var session = await OwnSessionAsync(caller, sessionId);
            var candidate = await sessions.GetCandidateAsync(session.Value.EnrolmentId)
                ?? throw new InvalidOperationException($"session {session.Value.SessionId} has no candidate record");
            var now = clock.GetUtcNow();
            var next = await change(session.Value, candidate.Value, now);
            var nextSession = next.Session ?? session.Value;
            if (ReferenceEquals(nextSession, session.Value) && (next.Candidate is null || ReferenceEquals(next.Candidate, candidate.Value)))
            {
                return SessionMapper.ToContract(nextSession, SessionViewer.Scheduling, caller.Subject);
            }

            var save = next with
            {
                SessionBefore = session,
                CandidateBefore = candidate,
                Candidate = ReferenceEquals(next.Candidate, candidate.Value) ? null : next.Candidate,
            };
            if (await sessions.SaveAsync(save, now))
            {
                return SessionMapper.ToContract(nextSession, SessionViewer.Scheduling, caller.Subject);
            }
        }

        throw new ConcurrencyConflictException("the session changed concurrently; retry");
    }

    private DateTimeOffset Slot(Google.Protobuf.WellKnownTypes.Timestamp? value, DateTimeOffset now)
    {
        var slot = Require.Time("slot_start", value);
        return slot >= now - Options.SlotTolerance ? slot : throw new ValidationException("slot_start", "must not be in the past");
    }

    private static string Location(string value)
    {
        var location = value?.Trim() ?? "";
        if (location.Length == 0)
        {
            throw new ValidationException("location", "is required: the assessment centre (and room) of the session");
        }

        return location.Length <= MaxLocationLength ? location : throw new ValidationException("location", $"must be at most {MaxLocationLength} characters");
    }
}
