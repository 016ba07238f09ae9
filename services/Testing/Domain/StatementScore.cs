namespace Accreditation.Testing.Domain;

/// <summary>Marks against one KSS statement.</summary>
public sealed record StatementScore(int Statement, string Title, int Items, int Marks);
