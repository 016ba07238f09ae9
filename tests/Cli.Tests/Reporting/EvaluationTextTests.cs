using System.Text.RegularExpressions;
using Accreditation.Cli.Output;
using Accreditation.Cli.Reporting;
using Accreditation.Contracts.Common.V1;
using Accreditation.Contracts.Reporting.V1;
using Spectre.Console;
using static Accreditation.Cli.Tests.Support.EvaluationFigures;

namespace Accreditation.Cli.Tests.Reporting;

/// <summary>The evaluation's tables on a plain console: every figure's text verbatim, "c" and "z" as they are, intervals and the flag marker.</summary>
public sealed partial class EvaluationTextTests
{
    [GeneratedRegex(@"\s{2,}")]
    private static partial Regex Columns();

    private static string[][] Render(Table table)
    {
        using var writer = new StringWriter();
        CliConsole.Create(writer, terminal: false).WriteTable(table);
        return [.. writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(l => Columns().Split(l))];
    }

    private static GetGroupGapsResponse SexGaps() => Gaps(
        "phase-1",
        Role.ChildAndFamilyPractitioner,
        EqualityDimension.Sex,
        Group("SEX_FEMALE", "Female", N("40"), Measure(N("61.0"), N("52.1"), N("69.2"), N("-12.3"), N("-20.1"), N("-4.5"), flagged: true)),
        Group("SEX_MALE", "Male", C, Suppressed),
        Group("NOT_RECORDED", "Not recorded", N("12"), Measure(N("75.0"), N("46.8"), N("91.1"), N("1.7"), N("-22.0"), N("20.3"))),
        Group("ALL", "All", N("57"), Measure(N("66.7"), N("53.7"), N("77.5"), Z, Z, Z), all: true));

    [Fact]
    public void StageTable_SuppressedAndNotApplicableFigures_PrintedAsCAndZ()
    {
        var rows = Render(EvaluationText.StageTable(
        [
            Stages("phase-1", Role.ChildAndFamilyPractitioner, "E08000002", C, Z, C),
            Stages("phase-1", Role.ChildAndFamilyPractitioner, null, N("12"), N("66.7"), N("41")),
        ]));

        Assert.Equal(EvaluationText.StageColumns, rows[0]);
        Assert.Equal(["phase-1", "practitioner", "E08000002", "c", "c", "c", "c", "c", "c", "c", "c", "z", "z", "z", "c"], rows[1]);
        Assert.Equal(["phase-1", "practitioner", "all", "12", "12", "12", "12", "12", "12", "12", "12", "66.7", "66.7", "66.7", "41"], rows[2]);
    }

    [Fact]
    public void StageTable_FigureWithTextAndValue_TheTextNeverTheValueReformatted()
    {
        var rate = new Figure { Text = "50.0", Value = 50 };
        var median = new Figure { Text = "7", Value = 7.0 };

        var row = Render(EvaluationText.StageTable([Stages("phase-1", Role.PracticeSupervisor, null, N("10"), rate, median)]))[1];

        Assert.Equal(["50.0", "50.0", "50.0", "7"], row[^4..]);
        Assert.Equal("supervisor", row[1]);
    }

    [Fact]
    public void GroupTable_PlainConsole_RatesAndGapsWithIntervalsSuppressedAsCAndTheAsciiMarker()
    {
        var rows = Render(EvaluationText.GroupTable(SexGaps(), plain: true));

        Assert.Equal(EvaluationText.GroupColumns, rows[0]);
        Assert.Equal("Female", rows[1][0]);
        Assert.Equal(["40", "40", "40", "40", "40", "40"], rows[1][1..7]);
        Assert.Equal("61.0 (52.1 to 69.2)", rows[1][7]);
        Assert.Equal("-12.3 (-20.1 to -4.5) !", rows[1][8]);
        Assert.Equal(["Male", "c", "c", "c", "c", "c", "c", "c", "c", "c", "c", "c", "c"], rows[2]);
        Assert.Equal(["Not recorded", "12"], rows[3][..2]);
        Assert.Equal("1.7 (-22.0 to 20.3)", rows[3][8]);
        Assert.Equal(["All", "57", "57", "57", "57", "57", "57", "66.7 (53.7 to 77.5)", "z", "66.7 (53.7 to 77.5)", "z", "66.7 (53.7 to 77.5)", "z"], rows[4]);
    }

    [Fact]
    public void GroupTable_PlainConsole_NoNonAsciiCharacter()
    {
        using var writer = new StringWriter();

        CliConsole.Create(writer, terminal: false).WriteTable(EvaluationText.GroupTable(SexGaps(), plain: true));

        Assert.All(writer.ToString(), c => Assert.True(c < 128, $"'{c}' in a plain table"));
    }

    [Theory]
    [InlineData(false, "▲")]
    [InlineData(true, "!")]
    public void Gap_Flagged_MarkedForTheConsole(bool plain, string marker)
    {
        var gap = Measure(N("61.0"), N("52.1"), N("69.2"), N("-12.3"), N("-20.1"), N("-4.5"), flagged: true);

        Assert.Equal("-12.3 (-20.1 to -4.5) " + marker, EvaluationText.Gap(gap, plain));
    }

    [Fact]
    public void WithInterval_FigureWithoutValue_ItsTextAlone()
    {
        Assert.Equal("c", EvaluationText.WithInterval(C, C, C));
        Assert.Equal("z", EvaluationText.WithInterval(Z, Z, Z));
        Assert.Equal("-", EvaluationText.WithInterval(null, null, null));
    }

    [Fact]
    public void Flagged_OneFlaggedGroup_ALinePerFlaggedMeasure()
    {
        var lines = EvaluationText.Flagged(SexGaps()).ToList();

        Assert.Equal(3, lines.Count);
        Assert.Equal("flagged: phase-1 practitioner sex Female knowledge-test rate 61.0 (52.1 to 69.2) gap -12.3 (-20.1 to -4.5)", lines[0]);
        Assert.StartsWith("flagged: phase-1 practitioner sex Female simulated-practice ", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("flagged: phase-1 practitioner sex Female accreditation ", lines[2], StringComparison.Ordinal);
    }
}
