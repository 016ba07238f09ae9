namespace Accreditation.Observation.Domain;

/// <summary>
/// Conflict of interest. Section "Observation:ConflictOfInterest". An assessor never assesses a
/// candidate of their own employing authority, nor of an authority they worked for within
/// <see cref="LookBack"/> before the session (from the registry's previous employment, and from
/// <see cref="Declared"/> periods configured here).
/// </summary>
public sealed class ConflictOfInterestOptions
{
    /// <summary>How far back earlier employment counts. Default 730 days.</summary>
    public TimeSpan LookBack { get; set; } = TimeSpan.FromDays(730);

    /// <summary>Periods named by configuration, in addition to the registry's.</summary>
    public List<DeclaredConflict> Declared { get; set; } = [];
}
