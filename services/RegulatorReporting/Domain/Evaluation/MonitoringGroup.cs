namespace Accreditation.RegulatorReporting.Domain.Evaluation;

/// <summary>One answer of an equality-monitoring question: its proto enum name (or NOT_RECORDED) and its label.</summary>
public sealed record MonitoringGroup(string Code, string Label);
