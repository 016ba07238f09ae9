namespace Accreditation.RegulatorReporting.Domain;

/// <summary>
/// Where an announced award stands with Enrolment (the source of truth for withdrawals): pending
/// until enrolment.accreditation-recorded answers it; accepted (the register shows it) or declined
/// (the enrolment was withdrawn before the accreditation date; final for that enrolment's award).
/// </summary>
public enum AwardStatus
{
    Pending = 0,
    Accepted = 1,
    Declined = 2,
}
