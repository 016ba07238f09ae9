namespace Accreditation.LoadGen.Data;

/// <summary>An enrolment this run created.</summary>
public sealed record CreatedEnrolment(string Authority, string EnrolmentId, string RegistrationNumber);
