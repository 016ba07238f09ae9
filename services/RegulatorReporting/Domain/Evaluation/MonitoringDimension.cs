namespace Accreditation.RegulatorReporting.Domain.Evaluation;

/// <summary>An equality-monitoring question.</summary>
public enum MonitoringDimension
{
    AgeBand,
    EthnicGroup,
    Sex,
    Disability,
}
