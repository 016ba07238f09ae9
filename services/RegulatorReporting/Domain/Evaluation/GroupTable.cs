using Accreditation.Contracts.Common.V1;

namespace Accreditation.RegulatorReporting.Domain.Evaluation;

/// <summary>A phase and role's figures by the groups of one equality-monitoring question, the whole cohort's row last.</summary>
public sealed record GroupTable(string Phase, Role Role, MonitoringDimension Dimension, IReadOnlyList<GroupRow> Rows);
