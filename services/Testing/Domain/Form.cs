namespace Accreditation.Testing.Domain;

/// <summary>An assembled test form, reproducible from <see cref="Seed"/> and the bank it was drawn from.</summary>
public sealed record Form(int Seed, string ScenarioId, int ScenarioVersion, IReadOnlyList<FormItem> Items);
