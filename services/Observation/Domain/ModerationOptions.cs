namespace Accreditation.Observation.Domain;

/// <summary>
/// Second marking and moderation. Section "Observation:Moderation". After first marking, every
/// failing result, every borderline pass (some component's mean below AverageMinimum +
/// <see cref="BorderlineBand"/>) and a random <see cref="SampleShare"/> of the rest go to a second
/// assessor. When the two markings differ in outcome, or their overall means differ by more than
/// <see cref="DisagreementThreshold"/>, a moderator decides.
/// </summary>
public sealed class ModerationOptions
{
    /// <summary>Share of the other results drawn for second marking, 0 to 1. Default 0.1.</summary>
    public double SampleShare { get; set; } = 0.1;

    /// <summary>A pass whose lowest component mean is below the average minimum plus this is borderline. Default 0.25.</summary>
    public double BorderlineBand { get; set; } = 0.25;

    /// <summary>Largest difference of the two markings' overall means that needs no moderator. Default 0.5.</summary>
    public double DisagreementThreshold { get; set; } = 0.5;

    /// <summary>Salt of the per-session draw: the same session id and seed always draw the same.</summary>
    public string Seed { get; set; } = "naas";
}
