namespace Accreditation.RegulatorReporting.Domain.Evaluation;

/// <summary>The pass rates the evaluation follows: numerator stage of denominator stage.</summary>
public enum PassMeasure
{
    /// <summary>Passed the knowledge test, of those who sat it.</summary>
    KnowledgeTest,

    /// <summary>Passed simulated practice, of those observed.</summary>
    SimulatedPractice,

    /// <summary>Accredited, of those enrolled.</summary>
    Accreditation,
}
