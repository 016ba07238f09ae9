using Accreditation.Contracts.Common.V1;

namespace Accreditation.RegulatorReporting.Domain.Evaluation;

/// <summary>
/// The controlled figures of one phase, role and authority (<see cref="Authority"/> null: all
/// authorities): counts by <see cref="EvaluationStage"/>, rates by <see cref="PassMeasure"/>, and
/// the median days from enrolment to accreditation.
/// </summary>
public sealed record StageRow(string Phase, Role Role, AuthorityRecord? Authority, IReadOnlyList<Cell> Counts, IReadOnlyList<Cell> Rates, Cell MedianDays)
{
    public bool AllAuthorities => Authority is null;

    public Cell this[EvaluationStage stage] => Counts[(int)stage];

    public Cell this[PassMeasure measure] => Rates[(int)measure];
}
