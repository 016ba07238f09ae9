using Accreditation.Contracts.Common.V1;
using Accreditation.RegulatorReporting.Domain;
using Accreditation.RegulatorReporting.Domain.Evaluation;
using static Accreditation.RegulatorReporting.Tests.Domain.Evaluation.Cohorts;

namespace Accreditation.RegulatorReporting.Tests.Domain.Evaluation;

public sealed class EvaluationTablesTests
{
    private static readonly AuthorityRecord Wigan = Facts.Wigan;
    private static readonly AuthorityRecord Leeds = new("E08000035", "383", "Leeds");

    [Fact]
    public void StageFigures_Cohort_CountsEveryStageReached()
    {
        List<CohortMember> cohort =
        [
            .. Times(6, () => Member(test: true, practice: true, practiceDay: 20)),
            .. Times(5, () => Member(test: false)),
            .. Times(7, () => Member(endorsed: false)),
            .. Times(5, () => Member(test: true, practice: false, withdrawn: true)),
        ];

        var bury = EvaluationTables.StageFigures(cohort).Single(r => r.Authority == Facts.Bury);

        Assert.Equal(
            ["23", "16", "16", "11", "11", "6", "6", "5"],
            EvaluationStages.All.Select(s => bury[s].Text));
        Assert.Equal("68.8", bury[PassMeasure.KnowledgeTest].Text);
        Assert.Equal("54.5", bury[PassMeasure.SimulatedPractice].Text);
        Assert.Equal("26.1", bury[PassMeasure.Accreditation].Text);
        Assert.Equal("20.0", bury.MedianDays.Text);
    }

    [Fact]
    public void StageFigures_AwardDecidedButNotYetAcceptedByEnrolment_NotCountedAsAccredited()
    {
        static CohortMember Unconfirmed(CohortMember m) => m with { Progress = m.Progress with { ConfirmedAccreditedAt = null } };
        List<CohortMember> cohort =
        [
            .. Times(6, () => Member(test: true, practice: true, practiceDay: 20)),
            .. Times(7, () => Unconfirmed(Member(test: true, practice: true, practiceDay: 20))),
        ];

        var bury = EvaluationTables.StageFigures(cohort).Single(r => r.Authority == Facts.Bury);

        Assert.Equal("13", bury[EvaluationStage.PassedSimulatedPractice].Text);
        Assert.Equal("6", bury[EvaluationStage.Accredited].Text);
    }

    [Fact]
    public void StageFigures_SmallAuthority_SuppressedWithTheNextSmallestAndTotalShown()
    {
        List<CohortMember> cohort =
        [
            .. Times(20, () => Member(test: true)),
            .. Times(8, () => Member(Wigan, test: true)),
            .. Times(3, () => Member(Leeds, test: true)),
        ];

        var rows = EvaluationTables.StageFigures(cohort);

        var enrolled = rows.Select(r => (r.Authority?.Name ?? "all", r[EvaluationStage.Enrolled].Text)).ToList();
        Assert.Equal([("Bury", "20"), ("Wigan", "c"), ("Leeds", "c"), ("all", "31")], enrolled);
        var wigan = rows.Single(r => r.Authority == Wigan);
        Assert.Equal("c", wigan[PassMeasure.KnowledgeTest].Text);
        Assert.Equal("100.0", rows.Single(r => r.AllAuthorities)[PassMeasure.KnowledgeTest].Text);
    }

    [Fact]
    public void StageFigures_FewerThanFiveAccredited_MedianSuppressed()
    {
        List<CohortMember> cohort = [.. Times(4, () => Member(test: true, practice: true)), .. Times(10, () => Member())];

        var row = EvaluationTables.StageFigures(cohort).Single(r => r.AllAuthorities);

        Assert.Equal(("c", "c", "c"), (row[EvaluationStage.Accredited].Text, row.MedianDays.Text, row[PassMeasure.Accreditation].Text));
    }

    [Fact]
    public void StageFigures_EvenNumberAccredited_MedianOfTheMiddleTwo()
    {
        List<CohortMember> cohort =
        [
            .. Times(3, () => Member(test: true, practice: true, practiceDay: 20)),
            .. Times(3, () => Member(test: true, practice: true, practiceDay: 25)),
        ];

        Assert.Equal("22.5", EvaluationTables.StageFigures(cohort).Single(r => r.AllAuthorities).MedianDays.Text);
    }

    [Fact]
    public void StageFigures_PhasesAndRoles_SeparateTablesInOrder()
    {
        List<CohortMember> cohort =
        [
            .. Times(5, () => Member(phase: "phase-2")),
            .. Times(5, () => Member(role: Role.PracticeSupervisor)),
            .. Times(5, () => Member()),
        ];

        var keys = EvaluationTables.StageFigures(cohort).Select(r => (r.Phase, r.Role, r.AllAuthorities)).ToList();

        Assert.Equal(
            [("phase-1", Role.ChildAndFamilyPractitioner, false), ("phase-1", Role.ChildAndFamilyPractitioner, true), ("phase-1", Role.PracticeSupervisor, false), ("phase-1", Role.PracticeSupervisor, true), ("phase-2", Role.ChildAndFamilyPractitioner, false), ("phase-2", Role.ChildAndFamilyPractitioner, true)],
            keys);
    }

    [Fact]
    public void GroupGaps_OlderCandidatesPassLess_GapNegativeAndFlagged()
    {
        List<CohortMember> cohort =
        [
            .. Times(40, () => Member(test: true, ageBand: "AGE_BAND_30_TO_39")),
            .. Times(10, () => Member(test: false, ageBand: "AGE_BAND_30_TO_39")),
            .. Times(8, () => Member(test: true, ageBand: "AGE_BAND_50_TO_59")),
            .. Times(12, () => Member(test: false, ageBand: "AGE_BAND_50_TO_59")),
            .. Times(6, () => Member(test: true)),
        ];

        var table = EvaluationTables.GroupGaps(cohort, "phase-1", Role.ChildAndFamilyPractitioner, MonitoringDimension.AgeBand);

        Assert.Equal(["AGE_BAND_PREFER_NOT_TO_SAY", "AGE_BAND_UNDER_25", "AGE_BAND_25_TO_29", "AGE_BAND_30_TO_39", "AGE_BAND_40_TO_49", "AGE_BAND_50_TO_59", "AGE_BAND_60_AND_OVER", "NOT_RECORDED", "ALL"], table.Rows.Select(r => r.Group.Code));
        var older = table.Rows.Single(r => r.Group.Code == "AGE_BAND_50_TO_59")[PassMeasure.KnowledgeTest];
        var (difference, interval) = ConfidenceIntervals.Newcombe(8, 20, 46, 56);
        Assert.Equal("40.0", older.Rate.Text);
        Assert.Equal(Cell.OneDecimal(100 * difference).Text, older.Gap.Text);
        Assert.Equal("-42.1", older.Gap.Text);
        Assert.Equal(Cell.OneDecimal(100 * interval.Lower).Text, older.GapLower.Text);
        Assert.Equal(Cell.OneDecimal(100 * interval.Upper).Text, older.GapUpper.Text);
        Assert.True(older.Flagged);
        var wilson = ConfidenceIntervals.Wilson(8, 20);
        Assert.Equal((Cell.OneDecimal(100 * wilson.Lower).Text, Cell.OneDecimal(100 * wilson.Upper).Text), (older.RateLower.Text, older.RateUpper.Text));
    }

    [Fact]
    public void GroupGaps_SmallGroups_CountsRatesAndGapsSuppressedAllRowGapNotApplicable()
    {
        List<CohortMember> cohort =
        [
            .. Times(30, () => Member(test: true, ethnicGroup: "ETHNIC_GROUP_WHITE")),
            .. Times(3, () => Member(test: true, ethnicGroup: "ETHNIC_GROUP_OTHER")),
            .. Times(9, () => Member(test: true, ethnicGroup: "ETHNIC_GROUP_ASIAN_OR_ASIAN_BRITISH")),
        ];

        var table = EvaluationTables.GroupGaps(cohort, "PHASE-1", Role.ChildAndFamilyPractitioner, MonitoringDimension.EthnicGroup);

        var other = table.Rows.Single(r => r.Group.Code == "ETHNIC_GROUP_OTHER");
        Assert.Equal(("c", "c", "c", "c", false), (other[EvaluationStage.Enrolled].Text, other[PassMeasure.KnowledgeTest].Rate.Text, other[PassMeasure.KnowledgeTest].Gap.Text, other[PassMeasure.KnowledgeTest].GapLower.Text, other[PassMeasure.KnowledgeTest].Flagged));
        var all = table.Rows[^1];
        Assert.Equal(("42", "z", "z", "z"), (all[EvaluationStage.Enrolled].Text, all[PassMeasure.KnowledgeTest].Gap.Text, all[PassMeasure.KnowledgeTest].GapLower.Text, all[PassMeasure.KnowledgeTest].GapUpper.Text));
    }

    [Fact]
    public void GroupGaps_OneSmallGroupAmongLargeOnes_NextSmallestGroupAlsoSuppressed()
    {
        List<CohortMember> cohort =
        [
            .. Times(30, () => Member(ageBand: "AGE_BAND_30_TO_39")),
            .. Times(6, () => Member(ageBand: "AGE_BAND_40_TO_49")),
            .. Times(20, () => Member(ageBand: "AGE_BAND_50_TO_59")),
            .. Times(5, () => Member(ageBand: "AGE_BAND_PREFER_NOT_TO_SAY")),
            .. Times(5, () => Member(ageBand: "AGE_BAND_UNDER_25")),
            .. Times(5, () => Member(ageBand: "AGE_BAND_25_TO_29")),
            .. Times(5, () => Member(ageBand: "AGE_BAND_60_AND_OVER")),
            .. Times(2, () => Member()),
        ];

        var table = EvaluationTables.GroupGaps(cohort, "phase-1", Role.ChildAndFamilyPractitioner, MonitoringDimension.AgeBand);

        var enrolled = table.Rows.ToDictionary(r => r.Group.Code, r => r[EvaluationStage.Enrolled].Text);
        Assert.Equal("c", enrolled["NOT_RECORDED"]);
        Assert.Equal("c", enrolled["AGE_BAND_PREFER_NOT_TO_SAY"]);
        Assert.Equal(["5", "5", "5"], new[] { enrolled["AGE_BAND_UNDER_25"], enrolled["AGE_BAND_25_TO_29"], enrolled["AGE_BAND_60_AND_OVER"] });
        Assert.Equal("78", enrolled["ALL"]);
    }

    [Fact]
    public void GroupGaps_UnknownPhase_EveryCountSuppressed()
    {
        var table = EvaluationTables.GroupGaps([.. Times(10, () => Member())], "phase-9", Role.ChildAndFamilyPractitioner, MonitoringDimension.Sex);

        Assert.All(table.Rows, r => Assert.All(r.Counts, c => Assert.Equal("c", c.Text)));
    }
}
