using Accreditation.AssessmentRules.Eligibility;
using Accreditation.BuildingBlocks.Inbox;
using Accreditation.BuildingBlocks.Subscriptions;
using Accreditation.Contracts.Common.V1;
using Accreditation.Contracts.Events.V1;
using Accreditation.Contracts.Testing.V1;
using Accreditation.Testing.Domain;
using Accreditation.Testing.Infrastructure;
using Microsoft.Extensions.Options;

namespace Accreditation.Testing.Application;

/// <summary>
/// Keeps eligibility in step with Enrolment. Each event is applied once (its CloudEvent id is
/// recorded in the same transaction) and in any order; a withdrawal cancels the open sitting.
/// </summary>
public sealed class EnrolmentEventsConsumer(IdempotentConsumer inbox, SittingRepository sittings, IOptions<TestingOptions> options) : EnrolmentEventsConsumerBase
{
    public const string ConsumerName = "testing-eligibility";

    protected override Task ApplyAsync(string eventId, EnrolmentFact fact) =>
        inbox.ConsumeAsync(ConsumerName, eventId, async (db, tx) =>
        {
            var candidateKey = sittings.CandidateKey(fact.EnrolmentId);
            var before = await SittingRepository.ReadAsync<CandidateRecord>(db, candidateKey);
            var after = CandidateRecord.Apply(before?.Value, fact);
            if (after.Withdrawn && after.OpenSittingId is { } open
                && await SittingRepository.ReadAsync<SittingRecord>(db, sittings.SittingKey(open)) is { } sitting
                && sitting.Value.State is SittingState.Booked or SittingState.InProgress)
            {
                var (cancelled, released) = SittingRules.Cancel(sitting.Value, after, "the candidate withdrew", candidateWithdrew: true);
                SittingRepository.Stage(tx, sittings.SittingKey(open), sitting, cancelled);
                sittings.StageDeadline(tx, cancelled, options.Value.Grace);
                sittings.StageOpenSitting(tx, sitting.Value, cancelled);
                after = released;
            }

            SittingRepository.Stage(tx, candidateKey, before, after);
        });
}
