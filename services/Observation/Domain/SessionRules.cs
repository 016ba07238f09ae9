using System.Globalization;
using Accreditation.AssessmentRules.Eligibility;
using Accreditation.AssessmentRules.Resits;
using Accreditation.BuildingBlocks.Errors;
using Accreditation.Contracts.Observation.V1;

namespace Accreditation.Observation.Domain;

/// <summary>
/// The session life cycle as pure functions: Scheduled -> (second marking) -> (moderation) ->
/// Completed, or Cancelled while scheduled. Each returns the next records (version + 1) or throws
/// the domain error.
/// </summary>
public static class SessionRules
{
    public const string ExistingSessionTrailer = "x-existing-session-id";
    public const string Component = "simulated practice";

    /// <summary>FAILED_PRECONDITION unless the candidate is eligible, has no open session and the resit rules allow another attempt.</summary>
    public static CandidateRecord EnsureMaySchedule(CandidateRecord? candidate, IReadOnlyList<AttemptRecord> history, string enrolmentId, ResitPolicy resits, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(resits);
        Eligibility.EnsureEligible(candidate?.Eligibility, enrolmentId);
        if (candidate!.OpenSessionId is { } open)
        {
            throw new AlreadyExistsException($"the candidate already has an open session {open}", ExistingSessionTrailer, open);
        }

        resits.EnsureMayBook(history, now, Component);
        return candidate;
    }

    public static (SessionRecord Session, CandidateRecord Candidate) Schedule(
        CandidateRecord? candidate,
        IReadOnlyList<AttemptRecord> history,
        string enrolmentId,
        string sessionId,
        DateTimeOffset slotStart,
        string location,
        IReadOnlyList<ComponentRecord> components,
        string firstAssessorId,
        string scheduledBy,
        ResitPolicy resits,
        DateTimeOffset now)
    {
        var eligible = EnsureMaySchedule(candidate, history, enrolmentId, resits, now);
        var session = new SessionRecord
        {
            SessionId = sessionId,
            EnrolmentId = enrolmentId,
            RegistrationNumber = eligible.RegistrationNumber,
            Role = eligible.Role,
            State = SessionState.Scheduled,
            AttemptNumber = history.Count + 1,
            SlotStart = slotStart,
            Location = location,
            // Without consent the session is recorded as not filmed; nothing else changes.
            Filmed = eligible.Eligibility.FilmingConsent,
            Components = components,
            FirstAssessorId = firstAssessorId,
            ScheduledBy = scheduledBy,
            ScheduledAt = now,
            Version = 1,
        };
        return (session, eligible with { OpenSessionId = sessionId });
    }

    /// <summary>A scheduled session at another slot, place or first assessor; the same session when nothing changes.</summary>
    public static SessionRecord Reschedule(SessionRecord session, DateTimeOffset slotStart, string location, string firstAssessorId)
    {
        ArgumentNullException.ThrowIfNull(session);
        EnsureScheduled(session, "rescheduled");
        if (session.MarkingOf(MarkingStage.First) is { Scores.Count: > 0 } && firstAssessorId != session.FirstAssessorId)
        {
            throw new DomainRuleException($"the first assessor of session {session.SessionId} has recorded scores; the assessor can no longer change", "assessor_id");
        }

        if (session.SlotStart == slotStart && session.Location == location && session.FirstAssessorId == firstAssessorId)
        {
            return session;
        }

        return session with { SlotStart = slotStart, Location = location, FirstAssessorId = firstAssessorId, Version = session.Version + 1 };
    }

    /// <summary>Cancels a scheduled session (by the booking system, or because the candidate withdrew); a cancelled one stays as it is.</summary>
    public static (SessionRecord Session, CandidateRecord Candidate) Cancel(SessionRecord session, CandidateRecord candidate, string reason)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(candidate);
        if (session.State == SessionState.Cancelled)
        {
            return (session, candidate);
        }

        EnsureScheduled(session, "cancelled");
        return (session with { State = SessionState.Cancelled, CancellationReason = reason, Version = session.Version + 1 }, Release(candidate, session));
    }

    /// <summary>Makes the outcome final: releases the session from the candidate and adds the attempt to the person's history.</summary>
    public static (SessionRecord Session, CandidateRecord Candidate, IReadOnlyList<AttemptRecord> History) Complete(
        SessionRecord session, CandidateRecord candidate, IReadOnlyList<AttemptRecord> history, SessionResult result)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(result);
        var completed = session with { State = SessionState.Completed, Result = result, Version = session.Version + 1 };
        var attempts = history.Any(a => a.AttemptId == session.SessionId)
            ? history
            : [.. history, new AttemptRecord(session.SessionId, session.AttemptNumber, result.Passed, result.DecidedAt)];
        return (completed, Release(candidate, session), attempts);
    }

    public static string Iso(DateTimeOffset time) => time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string StateName(SessionState state) => state switch
    {
        SessionState.Scheduled => "scheduled",
        SessionState.AwaitingSecondMarking => "awaiting second marking",
        SessionState.AwaitingModeration => "awaiting moderation",
        SessionState.Completed => "completed",
        SessionState.Cancelled => "cancelled",
        _ => "unknown",
    };

    private static CandidateRecord Release(CandidateRecord candidate, SessionRecord session) =>
        candidate with { OpenSessionId = candidate.OpenSessionId == session.SessionId ? null : candidate.OpenSessionId };

    private static void EnsureScheduled(SessionRecord session, string verb)
    {
        if (session.State != SessionState.Scheduled)
        {
            throw new DomainRuleException($"session {session.SessionId} is {StateName(session.State)} and cannot be {verb}");
        }
    }
}
