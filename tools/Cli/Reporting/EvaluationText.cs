using Accreditation.Cli.Output;
using Accreditation.Contracts.Reporting.V1;
using Spectre.Console;

namespace Accreditation.Cli.Reporting;

/// <summary>
/// How accredit writes the Department's evaluation figures: every figure as the service's text,
/// verbatim (the number as published, "c" suppressed, "z" not applicable; the value is never
/// reformatted); a rate or gap with its 95% interval when it has a number; a flagged gap marked
/// ▲ (! on a plain console). Words are single (practitioner, all, age) so a plain line splits on
/// runs of two spaces or more.
/// </summary>
public static class EvaluationText
{
    /// <summary>The marker of a flagged gap on a terminal.</summary>
    public const string FlagMarker = "▲";

    /// <summary>The marker of a flagged gap on a plain (ASCII) console.</summary>
    public const string PlainFlagMarker = "!";

    /// <summary>The authority column of a phase and role's "all authorities" row.</summary>
    public const string AllAuthorities = "all";

    public static readonly string[] StageColumns =
    [
        "phase", "role", "authority", "enrolled", "endorsed", "sat-kt", "passed-kt", "observed", "passed-sp", "accredited", "withdrawn",
        "kt-pass-%", "sp-pass-%", "accredited-%", "median-days",
    ];

    public static readonly string[] GroupColumns =
    [
        "group", "enrolled", "sat-kt", "passed-kt", "observed", "passed-sp", "accredited",
        "kt-pass-%", "kt-gap", "sp-pass-%", "sp-gap", "accredited-%", "accredited-gap",
    ];

    /// <summary>The measures in the order of the columns.</summary>
    public static readonly EvaluationMeasure[] Measures =
        [EvaluationMeasure.KnowledgeTest, EvaluationMeasure.SimulatedPractice, EvaluationMeasure.Accreditation];

    /// <summary>A figure's text as published; "-" when the service sent none.</summary>
    public static string Cell(Figure? figure) => figure is null || figure.Text.Length == 0 ? "-" : figure.Text;

    /// <summary>A figure with its interval, "72.5 (60.1 to 82.3)", when it is a number; otherwise its text alone ("c", "z").</summary>
    public static string WithInterval(Figure? figure, Figure? lower, Figure? upper) =>
        figure is { HasValue: true } ? $"{Cell(figure)} ({Cell(lower)} to {Cell(upper)})" : Cell(figure);

    public static string Marker(bool plain) => plain ? PlainFlagMarker : FlagMarker;

    /// <summary>A gap with its interval, and the marker when the interval excludes zero.</summary>
    public static string Gap(MeasureGap? gap, bool plain) =>
        gap is null ? "-"
        : WithInterval(gap.Gap, gap.GapLower, gap.GapUpper) + (gap.Flagged ? " " + Marker(plain) : "");

    /// <summary>A group's rate with its Wilson interval.</summary>
    public static string Rate(MeasureGap? gap) => gap is null ? "-" : WithInterval(gap.Rate, gap.RateLower, gap.RateUpper);

    public static string Dimension(EqualityDimension dimension) => dimension switch
    {
        EqualityDimension.AgeBand => "age",
        EqualityDimension.EthnicGroup => "ethnic",
        EqualityDimension.Sex => "sex",
        EqualityDimension.Disability => "disability",
        _ => "-",
    };

    public static string Measure(EvaluationMeasure measure) => measure switch
    {
        EvaluationMeasure.KnowledgeTest => "knowledge-test",
        EvaluationMeasure.SimulatedPractice => "simulated-practice",
        EvaluationMeasure.Accreditation => "accreditation",
        _ => "-",
    };

    /// <summary>A group's name for people ("Under 25"), else its code.</summary>
    public static string Group(GroupFigures group)
    {
        ArgumentNullException.ThrowIfNull(group);
        return group.Label.Length > 0 ? group.Label : group.Group;
    }

    /// <summary>The stage figures, one row per phase, role and authority ("all" for the all-authorities row).</summary>
    public static Table StageTable(IEnumerable<StageFigures> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var table = Tables.Create([Tables.Text(StageColumns[0]), Tables.Text(StageColumns[1]), Tables.Text(StageColumns[2]), .. StageColumns[3..].Select(Tables.Number)]);
        foreach (var r in rows)
        {
            table.Row(
                r.Phase.Length > 0 ? r.Phase : "-",
                RegisterText.Role(r.Role),
                r.AllAuthorities ? AllAuthorities : r.AuthorityCode.Length > 0 ? r.AuthorityCode : "-",
                Cell(r.Enrolled),
                Cell(r.Endorsed),
                Cell(r.SatKnowledgeTest),
                Cell(r.PassedKnowledgeTest),
                Cell(r.Observed),
                Cell(r.PassedSimulatedPractice),
                Cell(r.Accredited),
                Cell(r.Withdrawn),
                Cell(r.KnowledgeTestPassRate),
                Cell(r.SimulatedPracticePassRate),
                Cell(r.AccreditationRate),
                Cell(r.MedianDaysToAccreditation));
        }

        return table;
    }

    /// <summary>One phase, role and question's groups: counts, each rate with its interval and its gap to the rest of the cohort.</summary>
    /// <param name="plain">Whether the console is plain (the ASCII marker).</param>
    public static Table GroupTable(GetGroupGapsResponse gaps, bool plain)
    {
        ArgumentNullException.ThrowIfNull(gaps);
        var table = Tables.Create([Tables.Text(GroupColumns[0]), .. GroupColumns[1..].Select(Tables.Number)]);
        foreach (var g in gaps.Groups)
        {
            List<object?> cells =
            [
                Group(g), Cell(g.Enrolled), Cell(g.SatKnowledgeTest), Cell(g.PassedKnowledgeTest), Cell(g.Observed), Cell(g.PassedSimulatedPractice), Cell(g.Accredited),
            ];
            foreach (var measure in Measures)
            {
                var gap = g.Measures.FirstOrDefault(m => m.Measure == measure);
                cells.Add(Rate(gap));
                cells.Add(Gap(gap, plain));
            }

            table.Row([.. cells]);
        }

        return table;
    }

    /// <summary>The heading of a group table: "phase-1 practitioner by sex".</summary>
    public static string GroupHeading(GetGroupGapsResponse gaps)
    {
        ArgumentNullException.ThrowIfNull(gaps);
        return $"{gaps.Phase} {RegisterText.Role(gaps.Role)} by {Dimension(gaps.Dimension)}";
    }

    /// <summary>
    /// A line per flagged gap: "flagged: phase-1 practitioner sex Female knowledge-test rate 61.0 (52.1 to 69.2) gap -12.3 (-20.1 to -4.5)".
    /// </summary>
    public static IEnumerable<string> Flagged(GetGroupGapsResponse gaps)
    {
        ArgumentNullException.ThrowIfNull(gaps);
        foreach (var g in gaps.Groups)
        {
            foreach (var m in g.Measures.Where(m => m.Flagged))
            {
                yield return $"flagged: {gaps.Phase} {RegisterText.Role(gaps.Role)} {Dimension(gaps.Dimension)} {Group(g)} {Measure(m.Measure)} rate {Rate(m)} gap {WithInterval(m.Gap, m.GapLower, m.GapUpper)}";
            }
        }
    }
}
