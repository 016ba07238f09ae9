namespace Accreditation.RegulatorReporting.Domain.Evaluation;

/// <summary>The stages the evaluation counts enrolments at (an enrolment is counted at every stage it has reached).</summary>
public enum EvaluationStage
{
    Enrolled,
    Endorsed,
    SatKnowledgeTest,
    PassedKnowledgeTest,
    Observed,
    PassedSimulatedPractice,
    Accredited,

    /// <summary>Withdrawn without being accredited.</summary>
    Withdrawn,
}
