using Accreditation.BuildingBlocks.Outbox;
using Accreditation.Contracts;
using Accreditation.Contracts.Events.V1;
using EnrolmentRecord = Accreditation.Contracts.Enrolment.V1.Enrolment;

namespace Accreditation.Enrolment.Domain;

/// <summary>The integration events that announce each enrolment change. Pure: ids and time come in.</summary>
public static class EnrolmentEvents
{
    public static IntegrationEvent Enrolled(EnrolmentRecord e, string eventId)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new(Topics.CandidateEnrolled, eventId, new CandidateEnrolled
        {
            EventId = eventId,
            OccurredAt = e.UpdatedAt,
            EnrolmentId = e.EnrolmentId,
            RegistrationNumber = e.RegistrationNumber,
            Role = e.Role,
            Authority = e.EmployingAuthority,
            EnrolmentVersion = e.Version,
            Phase = e.Phase,
            FilmingConsent = e.Consent.FilmingConsent,
        });
    }

    public static IntegrationEvent EqualityMonitoringRecorded(EnrolmentRecord e, Contracts.Enrolment.V1.EqualityMonitoring answers, string eventId)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new(Topics.EqualityMonitoringRecorded, eventId, new EqualityMonitoringRecorded
        {
            EventId = eventId,
            OccurredAt = e.UpdatedAt,
            EnrolmentId = e.EnrolmentId,
            RegistrationNumber = e.RegistrationNumber,
            Role = e.Role,
            Authority = e.EmployingAuthority,
            EqualityMonitoring = answers,
        });
    }

    public static IntegrationEvent Endorsed(EnrolmentRecord e, string eventId)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new(Topics.CandidateEndorsed, eventId, new CandidateEndorsed
        {
            EventId = eventId,
            OccurredAt = e.UpdatedAt,
            EnrolmentId = e.EnrolmentId,
            RegistrationNumber = e.RegistrationNumber,
            Role = e.Role,
            Authority = e.EmployingAuthority,
            EnrolmentVersion = e.Version,
        });
    }

    public static IntegrationEvent Withdrawn(EnrolmentRecord e, string eventId)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new(Topics.CandidateWithdrawn, eventId, new CandidateWithdrawn
        {
            EventId = eventId,
            OccurredAt = e.UpdatedAt,
            EnrolmentId = e.EnrolmentId,
            RegistrationNumber = e.RegistrationNumber,
            Role = e.Role,
            Authority = e.EmployingAuthority,
            EnrolmentVersion = e.Version,
            Reason = e.Withdrawal.Reason,
        });
    }

    public static IntegrationEvent Moved(EnrolmentRecord e, string eventId)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new(Topics.CandidateMoved, eventId, new CandidateMoved
        {
            EventId = eventId,
            OccurredAt = e.UpdatedAt,
            EnrolmentId = e.EnrolmentId,
            RegistrationNumber = e.RegistrationNumber,
            Role = e.Role,
            Authority = e.EmployingAuthority,
            EnrolmentVersion = e.Version,
            FromAuthority = e.Moves[^1].FromAuthority,
        });
    }

}
