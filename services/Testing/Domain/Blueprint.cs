namespace Accreditation.Testing.Domain;

/// <summary>
/// How a form is assembled. Default: 30 items in 60 minutes, 18 standalone knowledge items that
/// cover every KSS statement of the role, and 12 items on one case scenario.
/// </summary>
public sealed class Blueprint
{
    public int KnowledgeItems { get; set; } = 18;

    public int ScenarioItems { get; set; } = 12;

    public TimeSpan Duration { get; set; } = TimeSpan.FromMinutes(60);

    public int TotalItems => KnowledgeItems + ScenarioItems;
}
