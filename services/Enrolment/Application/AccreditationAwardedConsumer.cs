using Accreditation.BuildingBlocks.Inbox;
using Accreditation.BuildingBlocks.Subscriptions;
using Accreditation.Contracts.Events.V1;
using Accreditation.Enrolment.Domain;
using Accreditation.Enrolment.Infrastructure;

namespace Accreditation.Enrolment.Application;

/// <summary>
/// Records reporting.accreditation-awarded on the enrolment: the HR view shows it accredited with
/// its date, and a withdrawal is refused from then on. Applied once per CloudEvent id (recorded in
/// the same transaction) and idempotent by state as well. An award for an enrolment this store does
/// not hold is poison (dropped to the dead-letter topic).
/// </summary>
public sealed partial class AccreditationAwardedConsumer(IdempotentConsumer inbox, EnrolmentRepository repository, TimeProvider clock, ILogger<AccreditationAwardedConsumer> logger)
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

        var recorded = false;
        var outcome = await inbox.ConsumeAsync(ConsumerName, eventId, async (db, tx) =>
        {
            var stored = await repository.GetAsync(db, message.EnrolmentId)
                ?? throw new PoisonEventException($"enrolment {message.EnrolmentId} does not exist here");
            var next = EnrolmentRules.Accredit(stored.Enrolment, accreditedAt, clock.GetUtcNow());
            recorded = next is not null;
            if (next is not null)
            {
                repository.StageRecordOnly(tx, stored, next);
            }
        });
        if (outcome == ConsumeOutcome.Applied && recorded)
        {
            LogAccredited(logger, message.EnrolmentId, accreditedAt);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Enrolment {EnrolmentId} recorded as accredited on {AccreditedAt}")]
    private static partial void LogAccredited(ILogger logger, string enrolmentId, DateTimeOffset accreditedAt);
}
