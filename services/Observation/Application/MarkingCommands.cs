using Accreditation.AssessmentRules.Kss;
using Accreditation.BuildingBlocks.Auth;
using Accreditation.BuildingBlocks.Errors;
using Accreditation.BuildingBlocks.Outbox;
using Accreditation.BuildingBlocks.Validation;
using Accreditation.Contracts;
using Accreditation.Contracts.Common.V1;
using Accreditation.Contracts.Events.V1;
using Accreditation.Contracts.Observation.V1;
using Accreditation.Observation.Domain;
using Accreditation.Observation.Infrastructure;
using Google.Protobuf.WellKnownTypes;
using Microsoft.Extensions.Options;

namespace Accreditation.Observation.Application;

/// <summary>
/// Scoring and moderation. An assessor reaches only the sessions assigned to them (the token's
/// `sub`); each score change is committed with its audit entries; the decision that makes an
/// outcome final completes the session and publishes SimulatedPracticeCompleted in the same
/// transaction.
/// </summary>
public sealed class MarkingCommands(
    SessionRepository sessions,
    RegistryRepository registry,
    Rubrics rubrics,
    KssCatalog kss,
    IOptions<ObservationOptions> options,
    TimeProvider clock)
{
    private const int MaxAttempts = 5;
    private const int MaxRationaleLength = 900;

    private ObservationOptions Options => options.Value;

    public async Task<ListAssignedSessionsResponse> ListAssignedAsync(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var response = new ListAssignedSessionsResponse();
        foreach (var session in await sessions.SessionsOfAssessorAsync(caller.Subject))
        {
            if (MarkingRules.IsAssigned(session, caller.Subject))
            {
                response.Sessions.Add(await ViewAsync(session, SessionViewer.Assessor, caller.Subject));
            }
        }

        return response;
    }

    public async Task<Session> GetAssignedAsync(Caller caller, GetAssignedSessionRequest request)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        var session = await LoadAsync(request.SessionId);
        if (!MarkingRules.IsAssigned(session.Value, caller.Subject))
        {
            throw new PermissionDeniedException($"session {session.Value.SessionId} is not assigned to you", "session_id");
        }

        return await ViewAsync(session.Value, SessionViewer.Assessor, caller.Subject);
    }

    public Task<Session> SaveScoresAsync(Caller caller, SaveScoresRequest request)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        return ChangeAsync(request.SessionId, SessionViewer.Assessor, caller.Subject, async (session, candidate, now) =>
        {
            var stage = MarkingRules.StageOf(session, caller.Subject);
            await EnsureNoConflictAsync(caller.Subject, candidate, now);
            var (rubric, _) = await rubrics.LoadAsync(session);
            var change = MarkingRules.Save(session, stage, caller.Subject, rubric, request.Scores, request.Reason ?? "", now);
            return ReferenceEquals(change.Session, session) ? new SessionChange() : new SessionChange { Session = change.Session, Audit = change.Audit };
        });
    }

    public Task<Session> SubmitScoresAsync(Caller caller, SubmitScoresRequest request)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        return ChangeAsync(request.SessionId, SessionViewer.Assessor, caller.Subject, async (session, candidate, now) =>
        {
            var stage = MarkingRules.StageOf(session, caller.Subject);
            if (session.MarkingOf(stage) is { State: MarkingState.Submitted } submitted && SameScores(submitted, request.Scores))
            {
                // A retry of the submission: the same answer.
                return new SessionChange();
            }

            await EnsureNoConflictAsync(caller.Subject, candidate, now);
            var (rubric, _) = await rubrics.LoadAsync(session);
            var change = MarkingRules.Submit(session, stage, caller.Subject, rubric, request.Scores, request.Reason ?? "", now);
            return await RouteAsync(change, rubric, candidate, now);
        });
    }

    public async Task<ListModerationQueueResponse> ListQueueAsync(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var response = new ListModerationQueueResponse();
        foreach (var session in await sessions.ModerationQueueAsync())
        {
            response.Sessions.Add(await ViewAsync(session, SessionViewer.Moderator, caller.Subject));
        }

        return response;
    }

    public async Task<Session> GetCaseAsync(Caller caller, GetModerationCaseRequest request)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        return await ViewAsync((await LoadAsync(request.SessionId)).Value, SessionViewer.Moderator, caller.Subject);
    }

    public Task<Session> AssignSecondAssessorAsync(Caller caller, AssignSecondAssessorRequest request)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        var assessorId = Require.Id("assessor_id", request.AssessorId);
        return ChangeAsync(request.SessionId, SessionViewer.Moderator, caller.Subject, async (session, candidate, now) =>
        {
            if (session.State != SessionState.AwaitingSecondMarking)
            {
                throw new DomainRuleException($"session {session.SessionId} is {SessionRules.StateName(session.State)}; only a session awaiting second marking takes a second assessor");
            }

            if (session.SecondAssessorId == assessorId)
            {
                return new SessionChange();
            }

            if (session.MarkingOf(MarkingStage.Second) is { Scores.Count: > 0 })
            {
                throw new DomainRuleException($"the second assessor {session.SecondAssessorId} has recorded scores for session {session.SessionId}; the second assessor can no longer change");
            }

            DoubleMarking.EnsureMaySecondMark(session.FirstAssessorId, assessorId, "assessor_id");
            var assessor = await registry.GetAssessorAsync(assessorId) ?? throw new NotFoundException($"assessor {assessorId} is not registered", "assessor_id");
            SessionPlanner.EnsureMayAssess(assessor, session.Role, candidate.Authority.GssCode, now, null, Options.ConflictOfInterest, "assessor_id");
            return new SessionChange
            {
                Session = session with
                {
                    SecondAssessorId = assessorId,
                    Markings = session.Markings.Where(m => m.Stage != MarkingStage.Second).ToList(),
                    Version = session.Version + 1,
                },
            };
        });
    }

    public Task<Session> DecideModerationAsync(Caller caller, DecideModerationRequest request)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        var rationale = request.Rationale?.Trim() ?? "";
        if (rationale.Length == 0)
        {
            throw new ValidationException("rationale", "is required: the reasons for the moderation decision");
        }

        if (rationale.Length > MaxRationaleLength)
        {
            throw new ValidationException("rationale", $"must be at most {MaxRationaleLength} characters");
        }

        return ChangeAsync(request.SessionId, SessionViewer.Moderator, caller.Subject, async (session, candidate, now) =>
        {
            if (session.State == SessionState.Completed && session.ModeratorId == caller.Subject)
            {
                // A retry of the decision: the same answer.
                return new SessionChange();
            }

            if (session.State != SessionState.AwaitingModeration)
            {
                throw new DomainRuleException($"session {session.SessionId} is {SessionRules.StateName(session.State)}; only a session awaiting moderation can be decided");
            }

            DoubleMarking.EnsureMayModerate(session, caller.Subject);
            var (rubric, _) = await rubrics.LoadAsync(session);
            var change = MarkingRules.Submit(session, MarkingStage.Moderation, caller.Subject, rubric, request.Scores, "moderation decision: " + rationale, now, rationale);
            var decided = change with { Session = change.Session with { ModeratorId = caller.Subject } };
            return await RouteAsync(decided, rubric, candidate, now);
        });
    }

    private async Task<SessionChange> RouteAsync(ScoreChange change, IReadOnlyList<ComponentRubric> rubric, CandidateRecord candidate, DateTimeOffset now)
    {
        var (routed, final) = MarkingRules.Route(change.Session, rubric, Options, kss, now);
        if (final is null)
        {
            if (routed.State == SessionState.AwaitingSecondMarking && routed.SecondAssessorId.Length == 0)
            {
                routed = routed with { SecondAssessorId = await PickSecondAssessorAsync(routed, candidate, now) };
            }

            return new SessionChange { Session = routed, Audit = change.Audit };
        }

        var historyId = SessionRepository.HistoryId(candidate.RegistrationNumber, candidate.Role);
        var history = await sessions.GetHistoryAsync(historyId);
        var (completed, released, attempts) = SessionRules.Complete(routed, candidate, history?.Value ?? [], final);
        var eventId = Guid.CreateVersion7().ToString();
        var evt = new SimulatedPracticeCompleted
        {
            EventId = eventId,
            OccurredAt = Timestamp.FromDateTimeOffset(final.DecidedAt),
            EnrolmentId = candidate.EnrolmentId,
            RegistrationNumber = candidate.RegistrationNumber,
            Role = candidate.Role,
            Authority = candidate.Authority,
            SessionId = completed.SessionId,
            Outcome = final.Passed ? AssessmentOutcome.Passed : AssessmentOutcome.Failed,
            AttemptNumber = completed.AttemptNumber,
        };
        return new SessionChange
        {
            Session = completed,
            Candidate = released,
            HistoryKey = historyId,
            HistoryBefore = history,
            History = attempts,
            Audit = change.Audit,
            Events = [new IntegrationEvent(Topics.SimulatedPracticeCompleted, eventId, evt)],
        };
    }

    /// <summary>An eligible second assessor drawn reproducibly per session; "" when none (the session waits in the moderation queue for one).</summary>
    private async Task<string> PickSecondAssessorAsync(SessionRecord session, CandidateRecord candidate, DateTimeOffset now)
    {
        var eligible = SessionPlanner.EligibleAssessors(await registry.ListAssessorsAsync(), session.Role, candidate.Authority.GssCode, now, null, Options.ConflictOfInterest, [session.FirstAssessorId]);
        return eligible.Count == 0 ? "" : eligible[SeededDraw.RandomFor(Options.Moderation.Seed, session.SessionId, "second-assessor").Next(eligible.Count)].AssessorId;
    }

    /// <summary>The candidate may have moved to the assessor's authority since the session was scheduled.</summary>
    private async Task EnsureNoConflictAsync(string assessorId, CandidateRecord candidate, DateTimeOffset now)
    {
        if (await registry.GetAssessorAsync(assessorId) is { } assessor
            && ConflictOfInterest.Find(assessor, candidate.Authority.GssCode, now, Options.ConflictOfInterest) is { } conflict)
        {
            throw new DomainRuleException(conflict + "; the session must be given to another assessor", "session_id");
        }
    }

    private static bool SameScores(MarkingRecord marking, IReadOnlyList<CriterionScore> scores) =>
        scores.All(s => marking.Scores.Any(m => m.ComponentId == s.ComponentId && m.CriterionId == s.CriterionId && m.Score == s.Score && m.Evidence == s.Evidence.Trim()));

    private async Task<Stored<SessionRecord>> LoadAsync(string sessionId)
    {
        var id = Require.Id("session_id", sessionId);
        return await sessions.GetSessionAsync(id) ?? throw new NotFoundException($"session {id} does not exist", "session_id");
    }

    private async Task<Session> ViewAsync(SessionRecord session, SessionViewer viewer, string callerId)
    {
        var (_, scenarios) = await rubrics.LoadAsync(session);
        return SessionMapper.ToContract(session, viewer, callerId, scenarios);
    }

    private async Task<Session> ChangeAsync(string sessionId, SessionViewer viewer, string callerId, Func<SessionRecord, CandidateRecord, DateTimeOffset, Task<SessionChange>> change)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var session = await LoadAsync(sessionId);
            if (viewer == SessionViewer.Assessor && !MarkingRules.IsAssigned(session.Value, callerId))
            {
                throw new PermissionDeniedException($"session {session.Value.SessionId} is not assigned to you", "session_id");
            }

            var candidate = await sessions.GetCandidateAsync(session.Value.EnrolmentId)
                ?? throw new InvalidOperationException($"session {session.Value.SessionId} has no candidate record");
            var now = clock.GetUtcNow();
            var next = await change(session.Value, candidate.Value, now);
            if (next.Session is null)
            {
                return await ViewAsync(session.Value, viewer, callerId);
            }

            if (await sessions.SaveAsync(next with { SessionBefore = session, CandidateBefore = candidate }, now))
            {
                return await ViewAsync(next.Session, viewer, callerId);
            }
        }

        throw new ConcurrencyConflictException("the session changed concurrently; retry");
    }
}
