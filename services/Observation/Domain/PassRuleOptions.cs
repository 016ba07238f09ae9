namespace Accreditation.Observation.Domain;

/// <summary>
/// When a component meets the standard. Section "Observation:PassRule". A component meets it when
/// every criterion scores at least <see cref="CriterionMinimum"/> and the mean of its criteria is at
/// least <see cref="AverageMinimum"/>; the candidate passes when every component meets it.
/// </summary>
public sealed class PassRuleOptions
{
    /// <summary>Lowest score (1 to 4) any one criterion may have. Default 2.</summary>
    public int CriterionMinimum { get; set; } = 2;

    /// <summary>Lowest mean criterion score of a component. Default 2.5.</summary>
    public double AverageMinimum { get; set; } = 2.5;
}
