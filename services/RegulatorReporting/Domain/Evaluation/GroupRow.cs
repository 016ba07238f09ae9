namespace Accreditation.RegulatorReporting.Domain.Evaluation;

/// <summary>The controlled figures of one equality-monitoring group (or, <see cref="All"/>, the whole cohort): counts by <see cref="EvaluationStage"/> and one <see cref="GapFigures"/> per <see cref="PassMeasure"/>.</summary>
public sealed record GroupRow(MonitoringGroup Group, bool All, IReadOnlyList<Cell> Counts, IReadOnlyList<GapFigures> Measures)
{
    public Cell this[EvaluationStage stage] => Counts[(int)stage];

    public GapFigures this[PassMeasure measure] => Measures[(int)measure];
}
