namespace Accreditation.RegulatorReporting.Domain.Evaluation;

public static class PassMeasures
{
    public static IReadOnlyList<PassMeasure> All { get; } = Enum.GetValues<PassMeasure>();

    public static EvaluationStage Numerator(PassMeasure measure) => measure switch
    {
        PassMeasure.KnowledgeTest => EvaluationStage.PassedKnowledgeTest,
        PassMeasure.SimulatedPractice => EvaluationStage.PassedSimulatedPractice,
        PassMeasure.Accreditation => EvaluationStage.Accredited,
        _ => throw new ArgumentOutOfRangeException(nameof(measure), measure, null),
    };

    public static EvaluationStage Denominator(PassMeasure measure) => measure switch
    {
        PassMeasure.KnowledgeTest => EvaluationStage.SatKnowledgeTest,
        PassMeasure.SimulatedPractice => EvaluationStage.Observed,
        PassMeasure.Accreditation => EvaluationStage.Enrolled,
        _ => throw new ArgumentOutOfRangeException(nameof(measure), measure, null),
    };

    /// <summary>
    /// The rate numerator/denominator as a percentage: "c" when either count is suppressed (a rate
    /// would give a hidden count away), "z" when there is no one to take it of.
    /// </summary>
    public static Cell Rate(Cell numerator, Cell denominator) =>
        !numerator.IsShown || !denominator.IsShown ? Cell.Suppressed
        : denominator.Value == 0 ? Cell.NotApplicable
        : Cell.OneDecimal(100 * numerator.Value / denominator.Value);
}
