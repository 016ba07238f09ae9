using Accreditation.AssessmentRules.Resits;

namespace Accreditation.Observation.Domain;

/// <summary>
/// Simulated practice's configuration. Section "Observation". Pass marks, moderation shares and
/// resit rules were never fixed publicly: these are defaults.
/// </summary>
public sealed class ObservationOptions
{
    public const string SectionName = "Observation";

    /// <summary>What a session is made of (default: two simulations, the reflective and the written component).</summary>
    public ComponentsOptions Components { get; set; } = new();

    public PassRuleOptions PassRule { get; set; } = new();

    public ModerationOptions Moderation { get; set; } = new();

    public ConflictOfInterestOptions ConflictOfInterest { get; set; } = new();

    /// <summary>After a fail: cool-off (default 28 days) and an optional attempt limit (default 0, none).</summary>
    public ResitPolicy Resits { get; set; } = new();

    /// <summary>How far in the past a slot may start when it is scheduled (clock skew of the booking system).</summary>
    public TimeSpan SlotTolerance { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Problems with the configuration, empty when it is usable.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (Components.Simulations < 0 || Components.Simulations > 10)
        {
            problems.Add("Observation:Components:Simulations must be between 0 and 10");
        }

        if (Components.Simulations == 0 && !Components.Reflective && !Components.Written)
        {
            problems.Add("Observation:Components must name at least one component");
        }

        if (PassRule.CriterionMinimum is < 1 or > 4)
        {
            problems.Add("Observation:PassRule:CriterionMinimum must be between 1 and 4");
        }

        if (PassRule.AverageMinimum is < 1 or > 4)
        {
            problems.Add("Observation:PassRule:AverageMinimum must be between 1 and 4");
        }

        if (Moderation.SampleShare is < 0 or > 1)
        {
            problems.Add("Observation:Moderation:SampleShare must be between 0 and 1");
        }

        if (Moderation.BorderlineBand < 0 || Moderation.DisagreementThreshold < 0)
        {
            problems.Add("Observation:Moderation:BorderlineBand and DisagreementThreshold must not be negative");
        }

        if (ConflictOfInterest.LookBack < TimeSpan.Zero)
        {
            problems.Add("Observation:ConflictOfInterest:LookBack must not be negative");
        }

        return problems;
    }
}
