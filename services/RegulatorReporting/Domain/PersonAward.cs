namespace Accreditation.RegulatorReporting.Domain;

/// <summary>What <see cref="PersonDecision"/> decides: the enrolment the award names and the accreditation date.</summary>
public sealed record PersonAward(string EnrolmentId, DateTimeOffset AccreditedAt);
