namespace Accreditation.Cli.Simulation;

/// <summary>How far a simulated candidate got.</summary>
public enum Stage
{
    Enrolled,
    Endorsed,
    Withdrawn,
    Failed,
}
