using Accreditation.BuildingBlocks.Outbox;
using Accreditation.Contracts;
using Accreditation.Contracts.Events.V1;
using Google.Protobuf;
using EnrolmentRecord = Accreditation.Contracts.Enrolment.V1.Enrolment;

namespace Accreditation.Enrolment.Domain;

/// <summary>
/// The integration events that announce each enrolment change. Every event carries the same
/// leading fields (event id, occurred-at, enrolment id, registration number, role, authority and,
/// where the message has it, the enrolment version); <see cref="Stamp{T}"/> fills them from the
/// enrolment, so each event below names only what is its own. Pure: ids and time come in.
/// </summary>
public static class EnrolmentEvents
{
    public static IntegrationEvent Enrolled(EnrolmentRecord e, string eventId)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new(Topics.CandidateEnrolled, eventId, Stamp(new CandidateEnrolled { Phase = e.Phase, FilmingConsent = e.Consent.FilmingConsent }, e, eventId));
    }

    public static IntegrationEvent EqualityMonitoringRecorded(EnrolmentRecord e, Contracts.Enrolment.V1.EqualityMonitoring answers, string eventId) =>
        new(Topics.EqualityMonitoringRecorded, eventId, Stamp(new EqualityMonitoringRecorded { EqualityMonitoring = answers.Clone() }, e, eventId));

    public static IntegrationEvent Endorsed(EnrolmentRecord e, string eventId) =>
        new(Topics.CandidateEndorsed, eventId, Stamp(new CandidateEndorsed(), e, eventId));

    public static IntegrationEvent Withdrawn(EnrolmentRecord e, string eventId)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new(Topics.CandidateWithdrawn, eventId, Stamp(new CandidateWithdrawn { Reason = e.Withdrawal.Reason }, e, eventId));
    }

    public static IntegrationEvent Moved(EnrolmentRecord e, string eventId)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new(Topics.CandidateMoved, eventId, Stamp(new CandidateMoved { FromAuthority = e.Moves[^1].FromAuthority.Clone() }, e, eventId));
    }

    /// <summary>
    /// Enrolment's answer to an award: accepted (recorded on <paramref name="e"/>) or declined with
    /// <paramref name="reason"/>; occurred at <paramref name="now"/> (a decline changes nothing).
    /// </summary>
    public static IntegrationEvent AccreditationRecorded(EnrolmentRecord e, DateTimeOffset accreditedAt, string? reason, string eventId, DateTimeOffset now)
    {
        var message = Stamp(new AccreditationRecorded { AccreditedAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(accreditedAt), Accepted = reason is null, Reason = reason ?? "" }, e, eventId);
        message.OccurredAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(now);
        return new(Topics.AccreditationRecorded, eventId, message);
    }

    /// <summary>Fills the fields every event shares, by their proto names.</summary>
    private static T Stamp<T>(T message, EnrolmentRecord e, string eventId)
        where T : IMessage
    {
        ArgumentNullException.ThrowIfNull(e);
        Set(message, "event_id", eventId);
        Set(message, "occurred_at", e.UpdatedAt.Clone());
        Set(message, "enrolment_id", e.EnrolmentId);
        Set(message, "registration_number", e.RegistrationNumber);
        Set(message, "role", e.Role);
        Set(message, "authority", e.EmployingAuthority.Clone());
        if (message.Descriptor.FindFieldByName("enrolment_version") is not null)
        {
            Set(message, "enrolment_version", e.Version);
        }

        return message;
    }

    private static void Set(IMessage message, string field, object value) =>
        (message.Descriptor.FindFieldByName(field) ?? throw new InvalidOperationException($"{message.Descriptor.FullName} has no field {field}"))
            .Accessor.SetValue(message, value);
}
