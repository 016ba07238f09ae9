namespace Accreditation.RegulatorReporting.Domain;

/// <summary>Which integration event a <see cref="ProgressFact"/> came from.</summary>
public enum ProgressFactKind
{
    Enrolled,
    Endorsed,
    Withdrawn,
    Moved,
    KnowledgeTestCompleted,
    SimulatedPracticeCompleted,
}
