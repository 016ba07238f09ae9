namespace Accreditation.RegulatorReporting.Domain.Evaluation;

/// <summary>What a published cell holds: a number, or one of the Department's markers in its place.</summary>
public enum CellKind
{
    /// <summary>A number is shown.</summary>
    Shown,

    /// <summary>"c": suppressed (a count under 5, a cell hidden so a total cannot reveal one, or a figure computed from one).</summary>
    Suppressed,

    /// <summary>"z": not applicable.</summary>
    NotApplicable,
}
