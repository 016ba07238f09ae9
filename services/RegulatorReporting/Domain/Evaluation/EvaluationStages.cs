namespace Accreditation.RegulatorReporting.Domain.Evaluation;

public static class EvaluationStages
{
    public static IReadOnlyList<EvaluationStage> All { get; } = Enum.GetValues<EvaluationStage>();

    /// <summary>Whether the enrolment has reached <paramref name="stage"/>.</summary>
    public static bool Reached(CandidateProgress progress, EvaluationStage stage)
    {
        ArgumentNullException.ThrowIfNull(progress);
        return stage switch
        {
            EvaluationStage.Enrolled => progress.Enrolled,
            EvaluationStage.Endorsed => progress.EndorsedAt is not null,
            EvaluationStage.SatKnowledgeTest => progress.KnowledgeTests.Count > 0,
            EvaluationStage.PassedKnowledgeTest => progress.KnowledgeTestPassedAt is not null,
            EvaluationStage.Observed => progress.SimulatedPractice.Count > 0,
            EvaluationStage.PassedSimulatedPractice => progress.SimulatedPracticePassedAt is not null,
            EvaluationStage.Accredited => progress.ConfirmedAccreditedAt is not null,
            EvaluationStage.Withdrawn => progress.WithdrawnAt is not null && progress.ConfirmedAccreditedAt is null,
            _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, null),
        };
    }

    /// <summary>How many of <paramref name="members"/> reached each stage, in <see cref="EvaluationStage"/> order.</summary>
    public static int[] Count(IEnumerable<CandidateProgress> members)
    {
        ArgumentNullException.ThrowIfNull(members);
        var counts = new int[All.Count];
        foreach (var p in members)
        {
            foreach (var stage in All)
            {
                counts[(int)stage] += Reached(p, stage) ? 1 : 0;
            }
        }

        return counts;
    }

    /// <summary>Whole days (UTC calendar dates) from enrolment to accreditation, or null when not accredited.</summary>
    public static int? DaysToAccreditation(CandidateProgress progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        return progress.EnrolledAt is { } enrolled && progress.ConfirmedAccreditedAt is { } accredited
            ? (int)(accredited.UtcDateTime.Date - enrolled.UtcDateTime.Date).TotalDays
            : null;
    }

    /// <summary>The median of <paramref name="values"/> (the mean of the middle two for an even count); null when empty.</summary>
    public static double? Median(IEnumerable<int> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return null;
        }

        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2d;
    }
}
