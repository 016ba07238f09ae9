using Accreditation.BuildingBlocks.Subscriptions;
using Accreditation.Contracts.Events.V1;

namespace Accreditation.AssessmentRules.Eligibility;

/// <summary>
/// The four enrolment events every assessment service subscribes to, each read as an
/// <see cref="EnrolmentFact"/> and handed to the service's own <see cref="ApplyAsync"/> (which
/// records the CloudEvent id with the change it makes).
/// </summary>
public abstract class EnrolmentEventsConsumerBase :
    IIntegrationEventConsumer<CandidateEnrolled>,
    IIntegrationEventConsumer<CandidateEndorsed>,
    IIntegrationEventConsumer<CandidateWithdrawn>,
    IIntegrationEventConsumer<CandidateMoved>
{
    public Task HandleAsync(string eventId, CandidateEnrolled message, CancellationToken cancellationToken) => ApplyAsync(eventId, EnrolmentFacts.From(message));

    public Task HandleAsync(string eventId, CandidateEndorsed message, CancellationToken cancellationToken) => ApplyAsync(eventId, EnrolmentFacts.From(message));

    public Task HandleAsync(string eventId, CandidateWithdrawn message, CancellationToken cancellationToken) => ApplyAsync(eventId, EnrolmentFacts.From(message));

    public Task HandleAsync(string eventId, CandidateMoved message, CancellationToken cancellationToken) => ApplyAsync(eventId, EnrolmentFacts.From(message));

    /// <summary>Applies one fact at most once per <paramref name="eventId"/>, in any order.</summary>
    protected abstract Task ApplyAsync(string eventId, EnrolmentFact fact);
}
