namespace Accreditation.Enrolment.Application;

/// <summary>Enrolment's answer to an award: accepted, or declined with the reason.</summary>
internal readonly record struct Answer(bool Accepted, string Reason);
