using System.Globalization;
using System.Net;
using System.Text;
using Accreditation.BuildingBlocks.Protobuf;
using Accreditation.Contracts.Common.V1;
using Accreditation.RegulatorReporting.Application;
using Accreditation.RegulatorReporting.Domain.Evaluation;

namespace Accreditation.RegulatorReporting.Api;

/// <summary>
/// Renders the evaluation page: per phase, the stage table by authority with a stage funnel per
/// authority, pass rates by role, and the equality-monitoring group gaps with their intervals.
/// Every figure cell carries data-figure="{key}" (see <see cref="StageKey"/> and <see cref="GroupKey"/>)
/// so tests and tools can read the numbers; charts are inline SVG; no script anywhere.
/// </summary>
public static class EvaluationHtml
{
    private static readonly (EvaluationStage Stage, string Field, string Label)[] StageColumns =
    [
        (EvaluationStage.Enrolled, "enrolled", "Enrolled"),
        (EvaluationStage.Endorsed, "endorsed", "Endorsed"),
        (EvaluationStage.SatKnowledgeTest, "sat_knowledge_test", "Sat the test"),
        (EvaluationStage.PassedKnowledgeTest, "passed_knowledge_test", "Passed the test"),
        (EvaluationStage.Observed, "observed", "Observed"),
        (EvaluationStage.PassedSimulatedPractice, "passed_simulated_practice", "Passed practice"),
        (EvaluationStage.Accredited, "accredited", "Accredited"),
        (EvaluationStage.Withdrawn, "withdrawn", "Withdrawn"),
    ];

    private static readonly (PassMeasure Measure, string Field, string Label)[] RateColumns =
    [
        (PassMeasure.KnowledgeTest, "knowledge_test_pass_rate", "Test pass rate %"),
        (PassMeasure.SimulatedPractice, "simulated_practice_pass_rate", "Practice pass rate %"),
        (PassMeasure.Accreditation, "accreditation_rate", "Accredited % of enrolled"),
    ];

    private static readonly EvaluationStage[] GroupStages =
        [EvaluationStage.Enrolled, EvaluationStage.SatKnowledgeTest, EvaluationStage.PassedKnowledgeTest, EvaluationStage.Observed, EvaluationStage.PassedSimulatedPractice, EvaluationStage.Accredited];

    /// <summary>The key of a stage-table cell: stages/{phase}/{ROLE}/{GSS code or ALL}/{StageFigures field}.</summary>
    public static string StageKey(string phase, Role role, string authorityCodeOrAll, string field) =>
        $"stages/{phase}/{ProtoEnumNames.NameOf(role)}/{authorityCodeOrAll}/{field}";

    /// <summary>The key of a group-table cell: groups/{phase}/{ROLE}/{DIMENSION}/{group}/{GroupFigures field, or MEASURE.MeasureGap field}.</summary>
    public static string GroupKey(string phase, Role role, MonitoringDimension dimension, string group, string field) =>
        $"groups/{phase}/{ProtoEnumNames.NameOf(role)}/{ProtoEnumNames.NameOf(EvaluationMapper.ToContract(dimension))}/{group}/{field}";

    public static string MeasureName(PassMeasure measure) => ProtoEnumNames.NameOf(EvaluationMapper.ToContract(measure));

    public static string Render(IReadOnlyList<StageRow> stages, IReadOnlyList<GroupTable> groups, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(stages);
        ArgumentNullException.ThrowIfNull(groups);
        var html = new StringBuilder();
        html.Append("""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Accreditation: live evaluation</title>
            <style>
            body{font-family:Arial,Helvetica,sans-serif;margin:24px;color:#0b0c0c;background:#fff;max-width:1240px}
            h1{font-size:28px;margin:0 0 8px}h2{font-size:22px;margin:32px 0 8px;border-bottom:2px solid #1d70b8}
            h3{font-size:18px;margin:20px 0 6px}h4{font-size:15px;margin:14px 0 4px}
            table{border-collapse:collapse;margin:6px 0 12px;font-size:13px}
            th,td{border:1px solid #b1b4b6;padding:3px 6px;text-align:right}th{background:#f3f2f1}
            td.label,th.label{text-align:left}tr.total td{font-weight:bold;background:#f8f8f8}
            td.c{color:#6f777b;font-style:italic}.flag{color:#d4351c;font-weight:bold;margin-left:3px}
            .note{font-size:13px;color:#505a5f;max-width:900px}.charts{display:flex;flex-wrap:wrap;gap:12px}
            figure{margin:0}figcaption{font-size:12px;color:#505a5f}
            </style>
            </head>
            <body>
            <h1>Accreditation: live evaluation</h1>
            """);
        html.Append("<p class=\"note\">Figures as of ").Append(Encode(asOf.UtcDateTime.ToString("d MMMM yyyy HH:mm 'UTC'", CultureInfo.InvariantCulture)))
            .Append(". Counts are of enrolments. <strong>c</strong>: suppressed (a count under 5, a cell hidden so that a total cannot reveal one, or a figure computed from one); <strong>z</strong>: not applicable. Rates, percentages, gaps and medians are rounded to one decimal place. Intervals are 95%: Wilson score for a rate, Newcombe's hybrid score for a gap (the group's rate minus the rest of the cohort's, in percentage points); a gap whose interval excludes zero is flagged <span class=\"flag\">&#9650;</span>.</p>\n");
        if (stages.Count == 0)
        {
            html.Append("<p id=\"no-figures\">No enrolments yet.</p>\n");
        }

        foreach (var phase in stages.Select(r => r.Phase).Distinct(StringComparer.Ordinal))
        {
            var ofPhase = stages.Where(r => r.Phase == phase).ToList();
            html.Append("<section id=\"phase-").Append(Encode(phase)).Append("\">\n<h2>Phase ").Append(Encode(phase)).Append("</h2>\n");
            foreach (var role in ofPhase.Select(r => r.Role).Distinct())
            {
                StageTable(html, ofPhase.Where(r => r.Role == role).ToList(), phase, role);
            }

            PassRatesByRole(html, ofPhase.Where(r => r.AllAuthorities).ToList(), phase);
            foreach (var table in groups.Where(g => g.Phase == phase))
            {
                GroupGapTable(html, table);
            }

            html.Append("</section>\n");
        }

        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    private static void StageTable(StringBuilder html, IReadOnlyList<StageRow> rows, string phase, Role role)
    {
        html.Append("<h3>").Append(Encode(RoleLabel(role))).Append(": stages by authority</h3>\n<table class=\"stages\"><thead><tr><th class=\"label\">Authority</th>");
        foreach (var (_, _, label) in StageColumns)
        {
            html.Append("<th>").Append(label).Append("</th>");
        }

        foreach (var (_, _, label) in RateColumns)
        {
            html.Append("<th>").Append(label).Append("</th>");
        }

        html.Append("<th>Median days to accreditation</th></tr></thead><tbody>\n");
        foreach (var row in rows)
        {
            var code = row.Authority?.GssCode ?? "ALL";
            html.Append(row.AllAuthorities ? "<tr class=\"total\">" : "<tr>").Append("<td class=\"label\">").Append(Encode(AuthorityLabel(row))).Append("</td>");
            foreach (var (stage, field, _) in StageColumns)
            {
                Td(html, StageKey(phase, role, code, field), row[stage]);
            }

            foreach (var (measure, field, _) in RateColumns)
            {
                Td(html, StageKey(phase, role, code, field), row[measure]);
            }

            Td(html, StageKey(phase, role, code, "median_days_to_accreditation"), row.MedianDays);
            html.Append("</tr>\n");
        }

        html.Append("</tbody></table>\n<div class=\"charts\">\n");
        foreach (var row in rows)
        {
            html.Append("<figure>").Append(SvgCharts.Funnel(
                $"Stage funnel: {AuthorityLabel(row)}, {RoleLabel(role)}",
                StageColumns.Select(c => (c.Label, row[c.Stage])).ToList())).Append("<figcaption>").Append(Encode(AuthorityLabel(row))).Append("</figcaption></figure>\n");
        }

        html.Append("</div>\n");
    }

    private static void PassRatesByRole(StringBuilder html, IReadOnlyList<StageRow> totals, string phase)
    {
        html.Append("<h3>Pass rates by role (all authorities)</h3>\n<table class=\"rates\"><thead><tr><th class=\"label\">Role</th>");
        foreach (var (_, _, label) in RateColumns)
        {
            html.Append("<th>").Append(label).Append("</th>");
        }

        html.Append("</tr></thead><tbody>\n");
        foreach (var row in totals)
        {
            html.Append("<tr><td class=\"label\">").Append(Encode(RoleLabel(row.Role))).Append("</td>");
            foreach (var (measure, field, _) in RateColumns)
            {
                Td(html, "rates/" + StageKey(phase, row.Role, "ALL", field), row[measure]);
            }

            html.Append("</tr>\n");
        }

        html.Append("</tbody></table>\n");
        var bars = totals.SelectMany(r => RateColumns.Select(c => ($"{ShortRole(r.Role)}: {c.Label}", r[c.Measure]))).ToList();
        html.Append("<figure>").Append(SvgCharts.Rates("Pass rates by role", bars)).Append("</figure>\n");
    }

    private static void GroupGapTable(StringBuilder html, GroupTable table)
    {
        html.Append("<h3>").Append(Encode(RoleLabel(table.Role))).Append(": by ").Append(Encode(MonitoringGroups.LabelOf(table.Dimension).ToLowerInvariant())).Append("</h3>\n");
        html.Append("<table class=\"groups\"><thead><tr><th class=\"label\" rowspan=\"2\">Group</th>");
        foreach (var stage in GroupStages)
        {
            html.Append("<th rowspan=\"2\">").Append(StageColumns.First(c => c.Stage == stage).Label).Append("</th>");
        }

        foreach (var measure in PassMeasures.All)
        {
            html.Append("<th colspan=\"4\">").Append(MeasureLabel(measure)).Append("</th>");
        }

        html.Append("</tr><tr>");
        foreach (var _ in PassMeasures.All)
        {
            html.Append("<th>Rate %</th><th>95% CI</th><th>Gap (pp)</th><th>Gap 95% CI</th>");
        }

        html.Append("</tr></thead><tbody>\n");
        foreach (var row in table.Rows)
        {
            string Key(string field) => GroupKey(table.Phase, table.Role, table.Dimension, row.Group.Code, field);
            html.Append(row.All ? "<tr class=\"total\">" : "<tr>").Append("<td class=\"label\">").Append(Encode(row.Group.Label)).Append("</td>");
            foreach (var stage in GroupStages)
            {
                Td(html, Key(StageColumns.First(c => c.Stage == stage).Field), row[stage]);
            }

            foreach (var gap in row.Measures)
            {
                var m = MeasureName(gap.Measure);
                Td(html, Key(m + ".rate"), gap.Rate);
                Range(html, Key(m + ".rate_lower"), gap.RateLower, Key(m + ".rate_upper"), gap.RateUpper);
                Td(html, Key(m + ".gap"), gap.Gap, gap.Flagged ? Key(m + ".flagged") : null);
                Range(html, Key(m + ".gap_lower"), gap.GapLower, Key(m + ".gap_upper"), gap.GapUpper);
            }

            html.Append("</tr>\n");
        }

        html.Append("</tbody></table>\n<div class=\"charts\">\n");
        foreach (var measure in PassMeasures.All)
        {
            var points = table.Rows.Where(r => !r.All).Select(r => (r.Group.Label, r[measure])).ToList();
            html.Append("<figure>").Append(SvgCharts.Gaps($"{MeasureLabel(measure)}: gap to the rest of the cohort by {MonitoringGroups.LabelOf(table.Dimension).ToLowerInvariant()}", points))
                .Append("<figcaption>").Append(Encode(MeasureLabel(measure))).Append(": gap (pp) and 95% interval</figcaption></figure>\n");
        }

        html.Append("</div>\n");
    }

    private static void Td(StringBuilder html, string key, Cell cell, string? flagKey = null)
    {
        html.Append("<td").Append(cell.IsShown ? "" : " class=\"c\"").Append(" data-figure=\"").Append(Encode(key)).Append("\">").Append(Encode(cell.Text)).Append("</td>");
        if (flagKey is not null)
        {
            html.Length -= "</td>".Length;
            html.Append("<span class=\"flag\" title=\"interval excludes zero\" data-figure=\"").Append(Encode(flagKey)).Append("\">&#9650;</span></td>");
        }
    }

    private static void Range(StringBuilder html, string lowerKey, Cell lower, string upperKey, Cell upper)
    {
        html.Append("<td").Append(lower.IsShown ? "" : " class=\"c\"").Append("><span data-figure=\"").Append(Encode(lowerKey)).Append("\">").Append(Encode(lower.Text))
            .Append("</span> to <span data-figure=\"").Append(Encode(upperKey)).Append("\">").Append(Encode(upper.Text)).Append("</span></td>");
    }

    private static string AuthorityLabel(StageRow row) => row.Authority is { } a
        ? (a.Name.Length > 0 ? a.Name : a.GssCode.Length > 0 ? a.GssCode : "Not known")
        : EvaluationTables.AllAuthoritiesLabel;

    public static string RoleLabel(Role role) => role switch
    {
        Role.ChildAndFamilyPractitioner => "Child and family practitioner",
        Role.PracticeSupervisor => "Practice supervisor",
        _ => ProtoEnumNames.NameOf(role),
    };

    private static string ShortRole(Role role) => role == Role.PracticeSupervisor ? "Supervisor" : "Practitioner";

    public static string MeasureLabel(PassMeasure measure) => measure switch
    {
        PassMeasure.KnowledgeTest => "Knowledge test pass rate",
        PassMeasure.SimulatedPractice => "Simulated practice pass rate",
        _ => "Accredited of enrolled",
    };

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
