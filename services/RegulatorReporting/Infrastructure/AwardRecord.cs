namespace Accreditation.RegulatorReporting.Infrastructure;

/// <summary>The accreditation award announced for an enrolment: written once, with the outbox entry of its event.</summary>
public sealed record AwardRecord(string EventId, DateTimeOffset AccreditedAt, DateTimeOffset DecidedAt);
