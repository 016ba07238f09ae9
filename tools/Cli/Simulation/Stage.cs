namespace Accreditation.Cli.Simulation;

/// <summary>Steps a simulated candidate reached (a candidate counts in every step it reached).</summary>
public enum Stage
{
    Enrolled,
    Endorsed,
    Withdrawn,
    Sat,
    Resat,
    Passed,
    NotPassed,
    Errored,
}
