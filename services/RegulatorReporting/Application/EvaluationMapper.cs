using Accreditation.Contracts.Reporting.V1;
using Accreditation.RegulatorReporting.Domain.Evaluation;

namespace Accreditation.RegulatorReporting.Application;

/// <summary>The evaluation's controlled tables as contract messages: aggregates only.</summary>
public static class EvaluationMapper
{
    public static Figure ToFigure(Cell cell)
    {
        var figure = new Figure { Text = cell.Text };
        if (cell.Number is { } value)
        {
            figure.Value = value;
        }

        return figure;
    }

    public static StageFigures ToMessage(StageRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new StageFigures
        {
            Phase = row.Phase,
            Role = row.Role,
            AuthorityCode = row.Authority?.GssCode ?? "",
            AuthorityLabel = row.Authority is { } a ? (a.Name.Length > 0 ? a.Name : a.GssCode.Length > 0 ? a.GssCode : "Not known") : EvaluationTables.AllAuthoritiesLabel,
            AllAuthorities = row.AllAuthorities,
            Enrolled = ToFigure(row[EvaluationStage.Enrolled]),
            Endorsed = ToFigure(row[EvaluationStage.Endorsed]),
            SatKnowledgeTest = ToFigure(row[EvaluationStage.SatKnowledgeTest]),
            PassedKnowledgeTest = ToFigure(row[EvaluationStage.PassedKnowledgeTest]),
            Observed = ToFigure(row[EvaluationStage.Observed]),
            PassedSimulatedPractice = ToFigure(row[EvaluationStage.PassedSimulatedPractice]),
            Accredited = ToFigure(row[EvaluationStage.Accredited]),
            Withdrawn = ToFigure(row[EvaluationStage.Withdrawn]),
            KnowledgeTestPassRate = ToFigure(row[PassMeasure.KnowledgeTest]),
            SimulatedPracticePassRate = ToFigure(row[PassMeasure.SimulatedPractice]),
            AccreditationRate = ToFigure(row[PassMeasure.Accreditation]),
            MedianDaysToAccreditation = ToFigure(row.MedianDays),
        };
    }

    public static GetGroupGapsResponse ToMessage(GroupTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var response = new GetGroupGapsResponse { Phase = table.Phase, Role = table.Role, Dimension = ToContract(table.Dimension) };
        response.Groups.AddRange(table.Rows.Select(ToMessage));
        return response;
    }

    public static GroupFigures ToMessage(GroupRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var message = new GroupFigures
        {
            Group = row.Group.Code,
            Label = row.Group.Label,
            All = row.All,
            Enrolled = ToFigure(row[EvaluationStage.Enrolled]),
            SatKnowledgeTest = ToFigure(row[EvaluationStage.SatKnowledgeTest]),
            PassedKnowledgeTest = ToFigure(row[EvaluationStage.PassedKnowledgeTest]),
            Observed = ToFigure(row[EvaluationStage.Observed]),
            PassedSimulatedPractice = ToFigure(row[EvaluationStage.PassedSimulatedPractice]),
            Accredited = ToFigure(row[EvaluationStage.Accredited]),
        };
        message.Measures.AddRange(row.Measures.Select(m => new MeasureGap
        {
            Measure = ToContract(m.Measure),
            Rate = ToFigure(m.Rate),
            RateLower = ToFigure(m.RateLower),
            RateUpper = ToFigure(m.RateUpper),
            Gap = ToFigure(m.Gap),
            GapLower = ToFigure(m.GapLower),
            GapUpper = ToFigure(m.GapUpper),
            Flagged = m.Flagged,
        }));
        return message;
    }

    public static EqualityDimension ToContract(MonitoringDimension dimension) => dimension switch
    {
        MonitoringDimension.AgeBand => EqualityDimension.AgeBand,
        MonitoringDimension.EthnicGroup => EqualityDimension.EthnicGroup,
        MonitoringDimension.Sex => EqualityDimension.Sex,
        MonitoringDimension.Disability => EqualityDimension.Disability,
        _ => throw new ArgumentOutOfRangeException(nameof(dimension), dimension, null),
    };

    public static MonitoringDimension? FromContract(EqualityDimension dimension) => dimension switch
    {
        EqualityDimension.AgeBand => MonitoringDimension.AgeBand,
        EqualityDimension.EthnicGroup => MonitoringDimension.EthnicGroup,
        EqualityDimension.Sex => MonitoringDimension.Sex,
        EqualityDimension.Disability => MonitoringDimension.Disability,
        _ => null,
    };

    public static EvaluationMeasure ToContract(PassMeasure measure) => measure switch
    {
        PassMeasure.KnowledgeTest => EvaluationMeasure.KnowledgeTest,
        PassMeasure.SimulatedPractice => EvaluationMeasure.SimulatedPractice,
        PassMeasure.Accreditation => EvaluationMeasure.Accreditation,
        _ => throw new ArgumentOutOfRangeException(nameof(measure), measure, null),
    };
}
