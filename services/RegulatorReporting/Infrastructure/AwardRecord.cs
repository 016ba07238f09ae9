using System.Text.Json.Serialization;
using Accreditation.RegulatorReporting.Domain;

namespace Accreditation.RegulatorReporting.Infrastructure;

/// <summary>
/// The accreditation award announced for an enrolment: written once, with the outbox entry of its
/// event, then answered once by Enrolment (<see cref="Status"/>, with Enrolment's reason when it
/// declined). Only an accepted award reaches the register.
/// </summary>
public sealed record AwardRecord(string EventId, DateTimeOffset AccreditedAt, DateTimeOffset DecidedAt, AwardStatus Status = AwardStatus.Pending, string Reason = "")
{
    /// <summary>The accreditation date the register may show: the award's once Enrolment accepted it.</summary>
    [JsonIgnore]
    public DateTimeOffset? ConfirmedAt => Status == AwardStatus.Accepted ? AccreditedAt : null;
}
