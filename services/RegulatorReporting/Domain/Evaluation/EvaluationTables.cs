using Accreditation.Contracts.Common.V1;

namespace Accreditation.RegulatorReporting.Domain.Evaluation;

/// <summary>
/// Aggregates the projection into the evaluation's controlled tables. Pure: the same cohort gives
/// the same tables. The unit is the enrolment (one with its enrolled event); its authority is its
/// current one. Tables are built, and disclosure-controlled, only at one granularity: a phase and
/// a role, by authority (with the all-authorities row as each column's total) or by the groups of
/// one equality-monitoring question (with the whole cohort's row as the total). Callers filter
/// rows of these tables and never build a table of a subset, so two answers cannot be differenced
/// to reveal a suppressed cell.
/// </summary>
public static class EvaluationTables
{
    public const string AllAuthoritiesLabel = "All authorities";

    /// <summary>Every phase and role's rows: one per authority (by GSS code), then all authorities.</summary>
    public static IReadOnlyList<StageRow> StageFigures(IEnumerable<CohortMember> cohort)
    {
        ArgumentNullException.ThrowIfNull(cohort);
        var rows = new List<StageRow>();
        var byPhaseAndRole = Enrolments(cohort)
            .GroupBy(p => (p.Phase, p.Role))
            .OrderBy(g => g.Key.Phase, StringComparer.Ordinal)
            .ThenBy(g => g.Key.Role);
        foreach (var cohortOfPhase in byPhaseAndRole)
        {
            var byAuthority = cohortOfPhase
                .GroupBy(p => p.Authority.GssCode, StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .ToList();
            List<IReadOnlyList<CandidateProgress>> members = [.. byAuthority.Select(g => (IReadOnlyList<CandidateProgress>)[.. g]), [.. cohortOfPhase]];
            var counts = Controlled(members);
            for (var i = 0; i < members.Count; i++)
            {
                AuthorityRecord? authority = i < byAuthority.Count ? NameOf(byAuthority[i]) : null;
                var rates = PassMeasures.All.Select(m => PassMeasures.Rate(counts[i][(int)PassMeasures.Numerator(m)], counts[i][(int)PassMeasures.Denominator(m)])).ToArray();
                var median = counts[i][(int)EvaluationStage.Accredited].IsShown
                    && EvaluationStages.Median(members[i].Select(EvaluationStages.DaysToAccreditation).OfType<int>()) is { } days
                    ? Cell.OneDecimal(days)
                    : Cell.Suppressed;
                rows.Add(new StageRow(cohortOfPhase.Key.Phase, cohortOfPhase.Key.Role, authority, counts[i], rates, median));
            }
        }

        return rows;
    }

    /// <summary>A phase and role's rows by the groups of <paramref name="dimension"/>, then the whole cohort's.</summary>
    public static GroupTable GroupGaps(IEnumerable<CohortMember> cohort, string phase, Role role, MonitoringDimension dimension)
    {
        ArgumentNullException.ThrowIfNull(cohort);
        ArgumentNullException.ThrowIfNull(phase);
        var members = cohort
            .Where(m => m.Progress.Enrolled && m.Progress.Role == role && string.Equals(m.Progress.Phase, phase, StringComparison.OrdinalIgnoreCase))
            .ToList();
        var groups = MonitoringGroups.Of(dimension);
        List<IReadOnlyList<CandidateProgress>> parts =
        [
            .. groups.Select(g => (IReadOnlyList<CandidateProgress>)[.. members.Where(m => MonitoringGroups.GroupOf(m.Equality, dimension) == g.Code).Select(m => m.Progress)]),
            [.. members.Select(m => m.Progress)],
        ];
        var counts = Controlled(parts);
        var raw = parts.Select(p => EvaluationStages.Count(p)).ToList();
        var total = counts[^1];
        var rows = new List<GroupRow>();
        for (var i = 0; i < parts.Count; i++)
        {
            var all = i == parts.Count - 1;
            var group = all ? new MonitoringGroup(MonitoringGroups.All, "All") : groups[i];
            var measures = PassMeasures.All.Select(m => Gap(m, counts[i], raw[i], total, raw[^1], all)).ToList();
            rows.Add(new GroupRow(group, all, counts[i], measures));
        }

        return new GroupTable(phase, role, dimension, rows);
    }

    private static GapFigures Gap(PassMeasure measure, Cell[] counts, int[] raw, Cell[] totalCounts, int[] totalRaw, bool all)
    {
        var num = (int)PassMeasures.Numerator(measure);
        var den = (int)PassMeasures.Denominator(measure);
        var rate = PassMeasures.Rate(counts[num], counts[den]);
        var (rateLower, rateUpper) = rate.IsShown
            ? Percentages(ConfidenceIntervals.Wilson(raw[num], raw[den]))
            : (rate, rate);
        if (all)
        {
            return new GapFigures(measure, rate, rateLower, rateUpper, Cell.NotApplicable, Cell.NotApplicable, Cell.NotApplicable, false);
        }

        var restTrials = totalRaw[den] - raw[den];
        var hidden = !counts[num].IsShown || !counts[den].IsShown || !totalCounts[num].IsShown || !totalCounts[den].IsShown;
        if (hidden || restTrials is > 0 and < DisclosureControl.Threshold || raw[den] == 0)
        {
            return new GapFigures(measure, rate, rateLower, rateUpper, Cell.Suppressed, Cell.Suppressed, Cell.Suppressed, false);
        }

        if (restTrials == 0)
        {
            return new GapFigures(measure, rate, rateLower, rateUpper, Cell.NotApplicable, Cell.NotApplicable, Cell.NotApplicable, false);
        }

        var (difference, interval) = ConfidenceIntervals.Newcombe(raw[num], raw[den], totalRaw[num] - raw[num], restTrials);
        var (gapLower, gapUpper) = Percentages(interval);
        return new GapFigures(measure, rate, rateLower, rateUpper, Cell.OneDecimal(100 * difference), gapLower, gapUpper, interval.ExcludesZero);
    }

    private static (Cell Lower, Cell Upper) Percentages(Interval interval) =>
        (Cell.OneDecimal(100 * interval.Lower), Cell.OneDecimal(100 * interval.Upper));

    /// <summary>Stage counts of each part and, last, the total, disclosure-controlled together.</summary>
    private static Cell[][] Controlled(IReadOnlyList<IReadOnlyList<CandidateProgress>> partsThenTotal)
    {
        var counts = partsThenTotal.Select(p => (IReadOnlyList<int>)EvaluationStages.Count(p)).ToList();
        var suppressed = DisclosureControl.Suppress(counts, lastColumnIsRowTotal: false, lastRowIsColumnTotal: true);
        return counts.Select((row, r) => row.Select((v, c) => suppressed[r][c] ? Cell.Suppressed : Cell.Count(v)).ToArray()).ToArray();
    }

    private static IEnumerable<CandidateProgress> Enrolments(IEnumerable<CohortMember> cohort) =>
        cohort.Select(m => m.Progress).Where(p => p.Enrolled && p.Role is Role.ChildAndFamilyPractitioner or Role.PracticeSupervisor);

    /// <summary>The authority of a group of enrolments sharing a GSS code (the ordinal-first name, should events ever disagree).</summary>
    private static AuthorityRecord NameOf(IEnumerable<CandidateProgress> members) =>
        members.Select(p => p.Authority).OrderBy(a => a.Name, StringComparer.Ordinal).ThenBy(a => a.LaNumber, StringComparer.Ordinal).First();
}
