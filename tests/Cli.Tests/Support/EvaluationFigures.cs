using System.Globalization;
using Accreditation.Contracts.Common.V1;
using Accreditation.Contracts.Reporting.V1;

namespace Accreditation.Cli.Tests.Support;

/// <summary>Figures as Reporting's EvaluationService publishes them: numbers with their text, "c" and "z" without a value.</summary>
public static class EvaluationFigures
{
    public static Figure C => new() { Text = "c" };

    public static Figure Z => new() { Text = "z" };

    /// <summary>A published number: the text as the service writes it, the value as it is.</summary>
    public static Figure N(string text) => new() { Text = text, Value = double.Parse(text, CultureInfo.InvariantCulture) };

    /// <summary>A stage row whose counts are <paramref name="count"/>, rates <paramref name="rate"/> and median <paramref name="median"/>; null authority for the all-authorities row.</summary>
    public static StageFigures Stages(string phase, Role role, string? authority, Figure count, Figure rate, Figure median) => new()
    {
        Phase = phase,
        Role = role,
        AuthorityCode = authority ?? "",
        AuthorityLabel = authority is null ? "All authorities" : "Bury, Metropolitan Borough",
        AllAuthorities = authority is null,
        Enrolled = count.Clone(),
        Endorsed = count.Clone(),
        SatKnowledgeTest = count.Clone(),
        PassedKnowledgeTest = count.Clone(),
        Observed = count.Clone(),
        PassedSimulatedPractice = count.Clone(),
        Accredited = count.Clone(),
        Withdrawn = count.Clone(),
        KnowledgeTestPassRate = rate.Clone(),
        SimulatedPracticePassRate = rate.Clone(),
        AccreditationRate = rate.Clone(),
        MedianDaysToAccreditation = median.Clone(),
    };

    /// <summary>A group whose three measures share one rate, gap and flag.</summary>
    public static GroupFigures Group(string code, string label, Figure count, MeasureGap measure, bool all = false)
    {
        var group = new GroupFigures
        {
            Group = code,
            Label = label,
            All = all,
            Enrolled = count.Clone(),
            SatKnowledgeTest = count.Clone(),
            PassedKnowledgeTest = count.Clone(),
            Observed = count.Clone(),
            PassedSimulatedPractice = count.Clone(),
            Accredited = count.Clone(),
        };
        foreach (var kind in new[] { EvaluationMeasure.KnowledgeTest, EvaluationMeasure.SimulatedPractice, EvaluationMeasure.Accreditation })
        {
            var m = measure.Clone();
            m.Measure = kind;
            group.Measures.Add(m);
        }

        return group;
    }

    public static MeasureGap Measure(Figure rate, Figure rateLower, Figure rateUpper, Figure gap, Figure gapLower, Figure gapUpper, bool flagged = false) => new()
    {
        Rate = rate,
        RateLower = rateLower,
        RateUpper = rateUpper,
        Gap = gap,
        GapLower = gapLower,
        GapUpper = gapUpper,
        Flagged = flagged,
    };

    /// <summary>Every figure suppressed.</summary>
    public static MeasureGap Suppressed => Measure(C, C, C, C, C, C);

    public static GetGroupGapsResponse Gaps(string phase, Role role, EqualityDimension dimension, params GroupFigures[] groups)
    {
        var response = new GetGroupGapsResponse { Phase = phase, Role = role, Dimension = dimension };
        response.Groups.AddRange(groups);
        return response;
    }
}
