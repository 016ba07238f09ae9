namespace Accreditation.Enrolment.Domain;

/// <summary>The cluster's rollout phase. Section "Phase".</summary>
public sealed class PhaseOptions
{
    public const string SectionName = "Phase";

    /// <summary>phase-1, phase-2 or national.</summary>
    public string Name { get; set; } = RolloutPhase.Phase1;

    /// <summary>GSS codes of the participating authorities. Empty for phase-1 means the five pilot authorities; ignored for national.</summary>
    public IList<string> Authorities { get; } = [];
}
