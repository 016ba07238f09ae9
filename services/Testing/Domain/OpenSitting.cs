namespace Accreditation.Testing.Domain;

/// <summary>The open (booked or in-progress) sitting a person already has in a role, and who booked it.</summary>
public sealed record OpenSitting(string SittingId, string BookedBy);
