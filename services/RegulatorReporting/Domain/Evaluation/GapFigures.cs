namespace Accreditation.RegulatorReporting.Domain.Evaluation;

/// <summary>
/// A group's rate on one measure (%, with its Wilson interval) and its gap to the rest of the
/// cohort (percentage points, with Newcombe's interval); <see cref="Flagged"/> when that interval
/// excludes zero (never when the gap is "c" or "z").
/// </summary>
public sealed record GapFigures(PassMeasure Measure, Cell Rate, Cell RateLower, Cell RateUpper, Cell Gap, Cell GapLower, Cell GapUpper, bool Flagged);
