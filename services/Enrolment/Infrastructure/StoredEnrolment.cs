using EnrolmentRecord = Accreditation.Contracts.Enrolment.V1.Enrolment;

namespace Accreditation.Enrolment.Infrastructure;

/// <summary>An enrolment as stored, with its position in the authority listings.</summary>
public sealed record StoredEnrolment(EnrolmentRecord Enrolment, long Sequence);
