namespace Accreditation.RegulatorReporting.Domain.Evaluation;

/// <summary>A confidence interval (as proportions, or a difference of proportions).</summary>
public readonly record struct Interval(double Lower, double Upper)
{
    /// <summary>The interval lies wholly above or wholly below zero.</summary>
    public bool ExcludesZero => Lower > 0 || Upper < 0;
}
