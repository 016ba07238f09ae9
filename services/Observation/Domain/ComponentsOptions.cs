namespace Accreditation.Observation.Domain;

/// <summary>The components of one session. Section "Observation:Components".</summary>
public sealed class ComponentsOptions
{
    /// <summary>Role-play simulations, each on a different scenario.</summary>
    public int Simulations { get; set; } = 2;

    public bool Reflective { get; set; } = true;

    public bool Written { get; set; } = true;
}
