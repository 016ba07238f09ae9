using Accreditation.BuildingBlocks.Inbox;
using Accreditation.BuildingBlocks.Outbox;
using Accreditation.BuildingBlocks.Subscriptions;
using Accreditation.Contracts.Events.V1;
using Accreditation.Enrolment.Domain;
using Accreditation.Enrolment.Infrastructure;

namespace Accreditation.Enrolment.Application;

/// <summary>
/// Answers reporting.accreditation-awarded. Accepted: records the accreditation on the enrolment
/// (the HR view shows it accredited with its date, and a withdrawal is refused from then on).
/// Declined, when the enrolment was withdrawn before the accreditation date: records nothing.
/// Either way publishes enrolment.accreditation-recorded through the outbox in the same
/// transaction, which Reporting waits for before the register shows the award. Applied once per
/// CloudEvent id (recorded in the same transaction) and idempotent by state as well (an award
/// already recorded is not answered again). An award for an enrolment this store does
/// not hold is poison (dropped to the dead-letter topic).
/// </summary>
public sealed partial class AccreditationAwardedConsumer(IdempotentConsumer inbox, EnrolmentRepository repository, OutboxWriter outbox, TimeProvider clock, ILogger<AccreditationAwardedConsumer> logger)
    : IIntegrationEventConsumer<AccreditationAwarded>
{
    public const string ConsumerName = "enrolment-accreditation";

    public async Task HandleAsync(string eventId, AccreditationAwarded message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!BuildingBlocks.Validation.Require.IsId(message.EnrolmentId) || message.AccreditedAt is null)
        {
            throw new PoisonEventException("the award names no enrolment or no accreditation date");
        }

        DateTimeOffset accreditedAt;
        try
        {
            accreditedAt = message.AccreditedAt.ToDateTimeOffset();
        }
        catch (InvalidOperationException)
        {
            throw new PoisonEventException("the award's accreditation date is not a representable time");
        }

        Answer? answer = null;
        var outcome = await inbox.ConsumeAsync(ConsumerName, eventId, async (db, tx) =>
        {
            answer = null;
            var stored = await repository.GetAsync(db, message.EnrolmentId)
                ?? throw new PoisonEventException($"enrolment {message.EnrolmentId} does not exist here");
            var now = clock.GetUtcNow();
            var reason = EnrolmentRules.DeclineReason(stored.Enrolment, accreditedAt);
            if (reason is not null)
            {
                // Records nothing on the enrolment; the version guard keeps the answer true to the state read.
                repository.StageRecordOnly(tx, stored, stored.Enrolment);
                outbox.Enqueue(tx, [EnrolmentEvents.AccreditationRecorded(stored.Enrolment, accreditedAt, reason, AnswerId(eventId), now)], now);
                answer = new Answer(false, reason);
                return;
            }

            var next = EnrolmentRules.Accredit(stored.Enrolment, accreditedAt, now);
            if (next is not null)
            {
                repository.StageRecordOnly(tx, stored, next);
                outbox.Enqueue(tx, [EnrolmentEvents.AccreditationRecorded(next, accreditedAt, null, AnswerId(eventId), now)], now);
                answer = new Answer(true, "");
            }
        });
        if (outcome == ConsumeOutcome.Applied && answer is { } a)
        {
            outbox.NotifyCommitted();
            if (a.Accepted)
            {
                LogAccredited(logger, message.EnrolmentId, accreditedAt);
            }
            else
            {
                LogDeclined(logger, message.EnrolmentId, accreditedAt, a.Reason);
            }
        }
    }

    /// <summary>The answer's event id, derived from the award's (so an answer published again is the same event to its consumer).</summary>
    public static string AnswerId(string awardEventId)
    {
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("enrolment.accreditation-recorded:" + awardEventId));
        return new Guid(hash.AsSpan(0, 16)).ToString();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Enrolment {EnrolmentId} declined the accreditation awarded on {AccreditedAt}: {Reason}")]
    private static partial void LogDeclined(ILogger logger, string enrolmentId, DateTimeOffset accreditedAt, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Enrolment {EnrolmentId} recorded as accredited on {AccreditedAt}")]
    private static partial void LogAccredited(ILogger logger, string enrolmentId, DateTimeOffset accreditedAt);
}
