namespace Accreditation.Enrolment.Domain;

/// <summary>An English local authority with children's services, identified by its GSS code.</summary>
public sealed record LocalAuthority(string GssCode, string LaNumber, string Name, string Region);
