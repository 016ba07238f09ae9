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

namespace Accreditation.RegulatorReporting.Application;

/// <summary>
/// Keeps the projection, the register and its change feed in step with every integration event,
/// and makes the accreditation decision. One MULTI/EXEC per event carries the CloudEvent id (so a
/// duplicate changes nothing), the candidate's progress, the person's register entry, a feed entry
/// when the entry the regulator sees changed, and, the first time the facts decide accreditation,
/// the award record (guarded by its key: once per enrolment) with the outbox entry of
/// reporting.accreditation-awarded. Any delivery order gives the same projection (the fold is
/// order-independent). An award, once announced, stands.
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
    IIntegrationEventConsumer<EqualityMonitoringRecorded>
{
    public const string ConsumerName = "reporting-progress";
    public const string EqualityConsumerName = "reporting-equality";

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

    private async Task ApplyAsync(string eventId, ProgressFact fact)
    {
        AwardRecord? awarded = null;
        var outcome = await inbox.ConsumeAsync(ConsumerName, eventId, async (db, tx) =>
        {
            awarded = null;
            var now = clock.GetUtcNow();
            var before = await ReportingStore.ReadAsync<CandidateProgress>(db, store.CandidateKey(fact.EnrolmentId));
            var after = CandidateProjection.Apply(before?.Value, fact);
            store.StageCandidate(tx, before, after);

            var award = await ReportingStore.ReadAsync<AwardRecord>(db, store.AwardKey(after.EnrolmentId));
            if (after.AccreditedAt is { } accreditedAt && award is null)
            {
                awarded = new AwardRecord(Guid.NewGuid().ToString(), accreditedAt, now);
                store.StageAward(tx, after.EnrolmentId, awarded);
                outbox.Enqueue(tx, [new IntegrationEvent(Topics.AccreditationAwarded, awarded.EventId, Awarded(after, awarded))], now);
            }
            else if (award is not null && after.AccreditedAt != award.Value.AccreditedAt)
            {
                LogAwardStands(logger, after.EnrolmentId, award.Value.AccreditedAt);
            }

            var entryBefore = await ReportingStore.ReadAsync<RegisterRecord>(db, store.RegisterKey(after.RegistrationNumber, after.Role));
            var entryAfter = RegisterRecord.With(entryBefore?.Value, after, (award?.Value ?? awarded)?.AccreditedAt, now);
            var changed = entryBefore is null || entryBefore.Value.View != entryAfter.View;
            store.StageRegister(tx, entryBefore, entryAfter, changed ? JsonFormatter.Default.Format(RegisterMapper.ToEntry(entryAfter)) : null);
        });
        if (outcome == ConsumeOutcome.Applied && awarded is not null)
        {
            outbox.NotifyCommitted();
            LogAwarded(logger, fact.EnrolmentId, fact.Role, awarded.AccreditedAt);
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Enrolment {EnrolmentId} accredited as {Role} on {AccreditedAt}")]
    private static partial void LogAwarded(ILogger logger, string enrolmentId, Role role, DateTimeOffset accreditedAt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Enrolment {EnrolmentId} was announced accredited on {AccreditedAt}; a late event changed what the facts decide, but the announced award stands")]
    private static partial void LogAwardStands(ILogger logger, string enrolmentId, DateTimeOffset accreditedAt);
}
