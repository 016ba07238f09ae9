using Accreditation.AssessmentRules.Eligibility;
using Accreditation.BuildingBlocks.Inbox;
using Accreditation.BuildingBlocks.Subscriptions;
using Accreditation.Contracts.Events.V1;
using Accreditation.Contracts.Observation.V1;
using Accreditation.Observation.Domain;
using Accreditation.Observation.Infrastructure;

namespace Accreditation.Observation.Application;

/// <summary>
/// Keeps eligibility in step with Enrolment. Each event is applied once (its CloudEvent id is
/// recorded in the same transaction) and in any order; a withdrawal cancels the scheduled session;
/// a move changes the candidate's authority (conflicts of interest are checked against it).
/// </summary>
public sealed class EnrolmentEventsConsumer(IdempotentConsumer inbox, SessionRepository sessions) : EnrolmentEventsConsumerBase
{
    public const string ConsumerName = "observation-eligibility";
    public const string WithdrawalReason = "the candidate withdrew";

    protected override Task ApplyAsync(string eventId, EnrolmentFact fact) =>
        inbox.ConsumeAsync(ConsumerName, eventId, async (db, tx) =>
        {
            var candidateKey = sessions.CandidateKey(fact.EnrolmentId);
            var before = await SessionRepository.ReadAsync<CandidateRecord>(db, candidateKey);
            var after = CandidateRecord.Apply(before?.Value, fact);
            if (after.Eligibility.Withdrawn && after.OpenSessionId is { } open
                && await SessionRepository.ReadAsync<SessionRecord>(db, sessions.SessionKey(open)) is { } session
                && session.Value.State == SessionState.Scheduled)
            {
                var (cancelled, released) = SessionRules.Cancel(session.Value, after, WithdrawalReason);
                sessions.StageSession(tx, session, cancelled);
                after = released;
            }

            SessionRepository.Stage(tx, candidateKey, before, after);
        });
}
