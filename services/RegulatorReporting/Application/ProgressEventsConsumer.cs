using Accreditation.BuildingBlocks.Inbox;
using Accreditation.BuildingBlocks.Outbox;
using Accreditation.BuildingBlocks.Subscriptions;
using Accreditation.Contracts;
using Accreditation.Contracts.Common.V1;
using Accreditation.Contracts.Events.V1;
using Accreditation.RegulatorReporting.Domain;
using Accreditation.RegulatorReporting.Infrastructure;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using StackExchange.Redis;
using Role = Accreditation.Contracts.Common.V1.Role;

namespace Accreditation.RegulatorReporting.Application;

/// <summary>
/// Keeps the projection, the register and its change feed in step with every integration event,
/// and makes the accreditation decision. One MULTI/EXEC per event carries the CloudEvent id (so a
/// duplicate changes nothing), the candidate's progress, the person's register entry, a feed entry
/// when the entry the regulator sees changed, and, when the facts of the person's enrolments in the
/// role decide accreditation (<see cref="PersonDecision"/>, reading the other enrolments and their
/// awards under guard) and no award of the person is pending or accepted, the award record of the
/// enrolment the decision names (guarded by its key: once per enrolment) with the outbox entry of
/// reporting.accreditation-awarded. The award stays pending (the register shows the person not
/// accredited) until Enrolment, the source of truth for withdrawals, answers it with
/// enrolment.accreditation-recorded: accepted, the register entry shows the award's date (a feed
/// change); declined (withdrawn before the accreditation date, which Reporting may not have heard
/// of when it decided), the award is final as declined and never shown, and the person is decided
/// again (another enrolment, the current one at the date, may qualify). Any delivery order gives
/// the same projection (the fold is order-independent) and, with Enrolment's answer, the same
/// register. An award, once announced, is never announced again.
/// </summary>
public sealed partial class ProgressEventsConsumer(
    IdempotentConsumer inbox,
    ReportingStore store,
    OutboxWriter outbox,
    TimeProvider clock,
    ILogger<ProgressEventsConsumer> logger) :
    IIntegrationEventConsumer<CandidateEnrolled>,
    IIntegrationEventConsumer<CandidateEndorsed>,
    IIntegrationEventConsumer<CandidateWithdrawn>,
    IIntegrationEventConsumer<CandidateMoved>,
    IIntegrationEventConsumer<KnowledgeTestCompleted>,
    IIntegrationEventConsumer<SimulatedPracticeCompleted>,
    IIntegrationEventConsumer<EqualityMonitoringRecorded>,
    IIntegrationEventConsumer<AccreditationRecorded>
{
    public const string ConsumerName = "reporting-progress";
    public const string EqualityConsumerName = "reporting-equality";
    public const string ConfirmationConsumerName = "reporting-confirmation";

    public Task HandleAsync(string eventId, CandidateEnrolled message, CancellationToken cancellationToken) => ApplyAsync(eventId, ProgressFacts.From(message));

    public Task HandleAsync(string eventId, CandidateEndorsed message, CancellationToken cancellationToken) => ApplyAsync(eventId, ProgressFacts.From(message));

    public Task HandleAsync(string eventId, CandidateWithdrawn message, CancellationToken cancellationToken) => ApplyAsync(eventId, ProgressFacts.From(message));

    public Task HandleAsync(string eventId, CandidateMoved message, CancellationToken cancellationToken) => ApplyAsync(eventId, ProgressFacts.From(message));

    public Task HandleAsync(string eventId, KnowledgeTestCompleted message, CancellationToken cancellationToken) => ApplyAsync(eventId, ProgressFacts.From(message));

    public Task HandleAsync(string eventId, SimulatedPracticeCompleted message, CancellationToken cancellationToken) => ApplyAsync(eventId, ProgressFacts.From(message));

    public async Task HandleAsync(string eventId, EqualityMonitoringRecorded message, CancellationToken cancellationToken)
    {
        var answers = ProgressFacts.From(message);
        await inbox.ConsumeAsync(EqualityConsumerName, eventId, async (db, tx) =>
        {
            var key = store.EqualityKey(answers.EnrolmentId);
            var before = await ReportingStore.ReadAsync<EqualityAnswers>(db, key);
            ReportingStore.Stage(tx, key, before, EqualityAnswers.Newest(before?.Value, answers));
        });
    }

    public async Task HandleAsync(string eventId, AccreditationRecorded message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!BuildingBlocks.Validation.Require.IsId(message.EnrolmentId) || message.AccreditedAt is null || message.OccurredAt is null)
        {
            throw new PoisonEventException("the answer names no enrolment, no accreditation date or no time");
        }

        DateTimeOffset accreditedAt, answeredAt;
        try
        {
            accreditedAt = message.AccreditedAt.ToDateTimeOffset();
            answeredAt = message.OccurredAt.ToDateTimeOffset();
        }
        catch (InvalidOperationException)
        {
            throw new PoisonEventException("the answer's times are not representable");
        }

        var status = message.Accepted ? AwardStatus.Accepted : AwardStatus.Declined;
        var answered = false;
        (string EnrolmentId, AwardRecord Award)? awarded = null;
        var outcome = await inbox.ConsumeAsync(ConfirmationConsumerName, eventId, async (db, tx) =>
        {
            answered = false;
            awarded = null;
            var now = clock.GetUtcNow();
            var award = await ReportingStore.ReadAsync<AwardRecord>(db, store.AwardKey(message.EnrolmentId));
            if (award is not null && award.Value.Status != AwardStatus.Pending)
            {
                // Answered already (the answer is final); a duplicate changes nothing.
                return;
            }

            // The answer cannot precede its award; should the award be unknown here, keep the answer as the award.
            var answeredAward = award is null
                ? new AwardRecord("", accreditedAt, answeredAt, status, message.Reason)
                : award.Value with { Status = status, Reason = message.Reason };
            ReportingStore.Stage(tx, store.AwardKey(message.EnrolmentId), award, answeredAward);
            answered = true;

            var progress = await ReportingStore.ReadAsync<CandidateProgress>(db, store.CandidateKey(message.EnrolmentId));
            if (progress is null)
            {
                return;
            }

            // Guard the progress read, so the register is computed from the progress the entry holds.
            tx.AddCondition(Condition.StringEqual(store.CandidateKey(message.EnrolmentId), progress.Raw));
            var entry = await ReportingStore.ReadAsync<RegisterRecord>(db, store.RegisterKey(progress.Value.RegistrationNumber, progress.Value.Role));

            // A decline is final for this enrolment's award, but the person's facts may name another enrolment.
            awarded = status == AwardStatus.Declined ? await DecideAsync(db, tx, progress.Value, entry?.Value, answeredAward, now) : null;
            StageRegister(tx, entry, progress.Value, answeredAward.ConfirmedAt, now);
        });
        if (outcome == ConsumeOutcome.Applied && awarded is { } a)
        {
            outbox.NotifyCommitted();
            LogAwarded(logger, a.EnrolmentId, message.Role, a.Award.AccreditedAt);
        }

        if (outcome == ConsumeOutcome.Applied && answered)
        {
            if (status == AwardStatus.Accepted)
            {
                LogConfirmed(logger, message.EnrolmentId, accreditedAt);
            }
            else
            {
                LogDeclined(logger, message.EnrolmentId, accreditedAt, message.Reason);
            }
        }
    }

    private void StageRegister(ITransaction tx, Stored<RegisterRecord>? entryBefore, CandidateProgress progress, DateTimeOffset? confirmedAt, DateTimeOffset now)
    {
        var entryAfter = RegisterRecord.With(entryBefore?.Value, progress, confirmedAt, now);
        var changed = entryBefore is null || entryBefore.Value.View != entryAfter.View;
        store.StageRegister(tx, entryBefore, entryAfter, changed ? JsonFormatter.Default.Format(RegisterMapper.ToEntry(entryAfter)) : null);
    }

    /// <summary>
    /// Decides for the person (<see cref="PersonDecision"/>) from <paramref name="current"/> and the
    /// person's other enrolments in the role (read through <paramref name="entry"/> and guarded, with
    /// their awards), and stages the award with its event when the decision names an enrolment that
    /// has no award while no award of the person is pending or accepted (a declined award is final
    /// for its enrolment). <paramref name="currentAward"/> is the current enrolment's award, guarded by the caller.
    /// </summary>
    private async Task<(string EnrolmentId, AwardRecord Award)?> DecideAsync(IDatabaseAsync db, ITransaction tx, CandidateProgress current, RegisterRecord? entry, AwardRecord? currentAward, DateTimeOffset now)
    {
        var enrolments = new Dictionary<string, CandidateProgress>(StringComparer.Ordinal) { [current.EnrolmentId] = current };
        var awards = new Dictionary<string, AwardRecord?>(StringComparer.Ordinal) { [current.EnrolmentId] = currentAward };
        foreach (var id in entry?.Enrolments.Keys ?? [])
        {
            if (id == current.EnrolmentId || await ReportingStore.ReadAsync<CandidateProgress>(db, store.CandidateKey(id)) is not { } progress)
            {
                continue;
            }

            tx.AddCondition(Condition.StringEqual(store.CandidateKey(id), progress.Raw));
            enrolments[id] = progress.Value;
            var award = await ReportingStore.ReadAsync<AwardRecord>(db, store.AwardKey(id));
            tx.AddCondition(award is null ? Condition.KeyNotExists(store.AwardKey(id)) : Condition.StringEqual(store.AwardKey(id), award.Raw));
            awards[id] = award?.Value;
        }

        var statuses = awards.Where(a => a.Value is not null).ToDictionary(a => a.Key, a => a.Value!.Status, StringComparer.Ordinal);
        if (PersonDecision.NextAward(enrolments.Values, statuses) is not { } decision)
        {
            if (awards.Values.FirstOrDefault(a => a is not null && a.Status != AwardStatus.Declined) is { } standing
                && PersonDecision.Decide(enrolments.Values) is { } decided && decided.AccreditedAt != standing.AccreditedAt)
            {
                LogAwardStands(logger, decided.EnrolmentId, standing.AccreditedAt);
            }

            return null;
        }

        var awarded = new AwardRecord(Guid.NewGuid().ToString(), decision.AccreditedAt, now);
        store.StageAward(tx, decision.EnrolmentId, awarded);
        outbox.Enqueue(tx, [new IntegrationEvent(Topics.AccreditationAwarded, awarded.EventId, Awarded(enrolments[decision.EnrolmentId], awarded))], now);
        return (decision.EnrolmentId, awarded);
    }

    private async Task ApplyAsync(string eventId, ProgressFact fact)
    {
        (string EnrolmentId, AwardRecord Award)? awarded = null;
        var outcome = await inbox.ConsumeAsync(ConsumerName, eventId, async (db, tx) =>
        {
            awarded = null;
            var now = clock.GetUtcNow();
            var before = await ReportingStore.ReadAsync<CandidateProgress>(db, store.CandidateKey(fact.EnrolmentId));
            var after = CandidateProjection.Apply(before?.Value, fact);
            store.StageCandidate(tx, before, after);

            var award = await ReportingStore.ReadAsync<AwardRecord>(db, store.AwardKey(after.EnrolmentId));
            tx.AddCondition(award is null ? Condition.KeyNotExists(store.AwardKey(after.EnrolmentId)) : Condition.StringEqual(store.AwardKey(after.EnrolmentId), award.Raw));
            var entry = await ReportingStore.ReadAsync<RegisterRecord>(db, store.RegisterKey(after.RegistrationNumber, after.Role));
            awarded = await DecideAsync(db, tx, after, entry?.Value, award?.Value, now);

            // Only an award Enrolment accepted shows; a new award is pending.
            StageRegister(tx, entry, after, award?.Value.ConfirmedAt, now);
        });
        if (outcome == ConsumeOutcome.Applied && awarded is { } a)
        {
            outbox.NotifyCommitted();
            LogAwarded(logger, a.EnrolmentId, fact.Role, a.Award.AccreditedAt);
        }
    }

    private static AccreditationAwarded Awarded(CandidateProgress progress, AwardRecord award) => new()
    {
        EventId = award.EventId,
        OccurredAt = Timestamp.FromDateTimeOffset(award.DecidedAt),
        EnrolmentId = progress.EnrolmentId,
        RegistrationNumber = progress.RegistrationNumber,
        Role = progress.Role,
        Authority = new LocalAuthorityRef { GssCode = progress.Authority.GssCode, LaNumber = progress.Authority.LaNumber, Name = progress.Authority.Name },
        AccreditedAt = Timestamp.FromDateTimeOffset(award.AccreditedAt),
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Enrolment {EnrolmentId} awarded accreditation as {Role} on {AccreditedAt}; pending Enrolment's confirmation")]
    private static partial void LogAwarded(ILogger logger, string enrolmentId, Role role, DateTimeOffset accreditedAt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Enrolment {EnrolmentId} confirmed the accreditation on {AccreditedAt}; the register shows it")]
    private static partial void LogConfirmed(ILogger logger, string enrolmentId, DateTimeOffset accreditedAt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Enrolment {EnrolmentId} declined the accreditation awarded on {AccreditedAt}: {Reason}; the register does not show it")]
    private static partial void LogDeclined(ILogger logger, string enrolmentId, DateTimeOffset accreditedAt, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Enrolment {EnrolmentId}'s person was announced accredited on {AccreditedAt}; a late event changed what the facts decide, but the announced award stands")]
    private static partial void LogAwardStands(ILogger logger, string enrolmentId, DateTimeOffset accreditedAt);
}
