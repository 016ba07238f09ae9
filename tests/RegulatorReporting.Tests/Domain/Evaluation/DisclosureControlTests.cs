using Accreditation.RegulatorReporting.Domain.Evaluation;

namespace Accreditation.RegulatorReporting.Tests.Domain.Evaluation;

public sealed class DisclosureControlTests
{
    [Fact]
    public void Suppress_CountsUnderFive_PrimarySuppressedZeroIncluded()
    {
        var suppressed = DisclosureControl.Suppress([[0, 4, 5, 120]], lastColumnIsRowTotal: false, lastRowIsColumnTotal: false);

        Assert.Equal([true, true, false, false], suppressed[0]);
    }

    [Fact]
    public void Suppress_OneSuppressedCellRecoverableFromRowTotal_NextSmallestSuppressed()
    {
        // 3 + 10 + 12 = 25: with only the 3 hidden, 25 - 10 - 12 gives it back.
        var suppressed = DisclosureControl.Suppress([[3, 10, 12, 25]], lastColumnIsRowTotal: true, lastRowIsColumnTotal: false);

        Assert.Equal([true, true, false, false], suppressed[0]);
        Assert.True(Safe([[3, 10, 12, 25]], suppressed, rowTotals: true, columnTotals: false));
    }

    [Fact]
    public void Suppress_OneSuppressedCellRecoverableFromColumnTotal_NextSmallestInColumnSuppressed()
    {
        int[][] table = [[2, 30], [40, 7], [9, 50], [51, 87]];

        var suppressed = DisclosureControl.Suppress(table, lastColumnIsRowTotal: false, lastRowIsColumnTotal: true);

        Assert.Equal([[true, false], [false, false], [true, false], [false, false]], suppressed);
    }

    [Fact]
    public void Suppress_SecondarySuppressionLeavesAnotherLineWithOne_IteratesUntilStable()
    {
        // Rows sum to the last column, columns to the last row. Hiding 2 (primary) leaves row 0 and
        // column 0 with one hidden cell each, so 6 and 9 go; then column 1 has only the 6, so 8 goes.
        int[][] table =
        [
            [2, 6, 20, 28],
            [9, 8, 30, 47],
            [11, 14, 50, 75],
        ];

        var suppressed = DisclosureControl.Suppress(table, lastColumnIsRowTotal: true, lastRowIsColumnTotal: true);

        Assert.True(suppressed[0][0]);
        Assert.True(suppressed[0][1]);
        Assert.True(suppressed[1][1]);
        Assert.True(suppressed[1][0]);
        Assert.True(Safe(table, suppressed, rowTotals: true, columnTotals: true));
        Assert.False(suppressed[2][3]);
    }

    [Fact]
    public void Suppress_TwoSmallCellsInOneRow_NoSecondarySuppression()
    {
        var suppressed = DisclosureControl.Suppress([[3, 4, 12, 19]], lastColumnIsRowTotal: true, lastRowIsColumnTotal: false);

        Assert.Equal([true, true, false, false], suppressed[0]);
    }

    [Fact]
    public void Suppress_NothingSmall_NothingSuppressed()
    {
        var suppressed = DisclosureControl.Suppress([[5, 6, 11], [7, 8, 15], [12, 14, 26]], lastColumnIsRowTotal: true, lastRowIsColumnTotal: true);

        Assert.All(suppressed, row => Assert.All(row, Assert.False));
    }

    [Fact]
    public void Suppress_ParallelLines_TiesBrokenByPositionDeterministically()
    {
        int[][] table = [[1, 10, 10, 21]];

        var first = DisclosureControl.Suppress(table, lastColumnIsRowTotal: true, lastRowIsColumnTotal: false);
        var second = DisclosureControl.Suppress(table, lastColumnIsRowTotal: true, lastRowIsColumnTotal: false);

        Assert.Equal([true, true, false, false], first[0]);
        Assert.Equal(first, second);
    }

    [Fact]
    public void Suppress_GeneratedTables_EveryLineSafeAndEverySmallCountHidden()
    {
        var random = new Random(20261123);
        for (var n = 0; n < 500; n++)
        {
            var rows = random.Next(1, 6);
            var columns = random.Next(1, 6);
            var parts = Enumerable.Range(0, rows).Select(_ => Enumerable.Range(0, columns).Select(_ => random.Next(0, 3) == 0 ? random.Next(0, 5) : random.Next(0, 40)).ToArray()).ToArray();
            var withRowTotals = parts.Select(r => (int[])[.. r, r.Sum()]).ToArray();
            var table = withRowTotals.Append(Enumerable.Range(0, columns + 1).Select(c => withRowTotals.Sum(r => r[c])).ToArray()).ToArray();

            var suppressed = DisclosureControl.Suppress(table, lastColumnIsRowTotal: true, lastRowIsColumnTotal: true);

            Assert.True(Safe(table, suppressed, rowTotals: true, columnTotals: true), $"table {n} leaves a line with exactly one hidden cell");
            for (var r = 0; r < table.Length; r++)
            {
                for (var c = 0; c < table[r].Length; c++)
                {
                    Assert.True(table[r][c] >= DisclosureControl.Threshold || suppressed[r][c], $"table {n}: {table[r][c]} at ({r},{c}) shown");
                }
            }
        }
    }

    [Fact]
    public void Suppress_RaggedRows_Rejected()
    {
        Assert.Throws<ArgumentException>(() => DisclosureControl.Suppress([[1, 2], [3]], lastColumnIsRowTotal: false, lastRowIsColumnTotal: false));
    }

    /// <summary>No row or column with a total has exactly one hidden cell (which subtraction would reveal).</summary>
    private static bool Safe(int[][] table, bool[][] suppressed, bool rowTotals, bool columnTotals)
    {
        var rows = table.Length;
        var columns = table[0].Length;
        if (rowTotals && columns > 1 && Enumerable.Range(0, rows).Any(r => suppressed[r].Count(s => s) == 1))
        {
            return false;
        }

        return !(columnTotals && rows > 1 && Enumerable.Range(0, columns).Any(c => Enumerable.Range(0, rows).Count(r => suppressed[r][c]) == 1));
    }
}
