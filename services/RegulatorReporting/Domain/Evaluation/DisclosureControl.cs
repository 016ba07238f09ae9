namespace Accreditation.RegulatorReporting.Domain.Evaluation;

/// <summary>
/// The disclosure control of the Department's children's social work statistics, as a pure
/// function over a table of counts whose last column may be each row's total and whose last row
/// may be each column's total.
/// <list type="number">
/// <item>Primary suppression: every count under <see cref="Threshold"/> (0 included).</item>
/// <item>Secondary suppression: a total with exactly one suppressed cell among itself and its parts
/// would give that cell away by subtraction, so the next smallest shown part (the total itself only
/// when no part is left) is suppressed too; repeated over every row and column until nothing
/// changes, since a cell suppressed for its column may leave its row with exactly one.</item>
/// </list>
/// This is the standard row-and-column rule; figures derived from counts (rates, gaps, medians)
/// are suppressed by their builders whenever a count they use is.
/// </summary>
public static class DisclosureControl
{
    public const int Threshold = 5;

    /// <summary>Which cells of <paramref name="counts"/> (rows of equal length) are shown as "c".</summary>
    /// <param name="lastColumnIsRowTotal">The last cell of each row is the sum of the row's other cells.</param>
    /// <param name="lastRowIsColumnTotal">The last row holds the sums of the rows above it, column by column.</param>
    public static bool[][] Suppress(IReadOnlyList<IReadOnlyList<int>> counts, bool lastColumnIsRowTotal, bool lastRowIsColumnTotal)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var rows = counts.Count;
        var columns = rows == 0 ? 0 : counts[0].Count;
        if (counts.Any(r => r.Count != columns))
        {
            throw new ArgumentException("every row must have the same number of cells", nameof(counts));
        }

        var suppressed = counts.Select(r => r.Select(v => v < Threshold).ToArray()).ToArray();
        var groups = Groups(rows, columns, lastColumnIsRowTotal, lastRowIsColumnTotal).ToList();
        bool changed;
        do
        {
            changed = false;
            foreach (var (total, parts) in groups)
            {
                var hidden = parts.Count(p => suppressed[p.Row][p.Column]) + (suppressed[total.Row][total.Column] ? 1 : 0);
                if (hidden != 1)
                {
                    continue;
                }

                var shownParts = parts.Where(p => !suppressed[p.Row][p.Column]).ToList();
                var next = shownParts.Count > 0
                    ? shownParts.OrderBy(p => counts[p.Row][p.Column]).ThenBy(p => p.Row).ThenBy(p => p.Column).First()
                    : total;
                suppressed[next.Row][next.Column] = true;
                changed = true;
            }
        }
        while (changed);

        return suppressed;
    }

    private static IEnumerable<((int Row, int Column) Total, IReadOnlyList<(int Row, int Column)> Parts)> Groups(int rows, int columns, bool rowTotals, bool columnTotals)
    {
        if (rowTotals && columns >= 2)
        {
            for (var r = 0; r < rows; r++)
            {
                var row = r;
                yield return ((row, columns - 1), Enumerable.Range(0, columns - 1).Select(c => (row, c)).ToList());
            }
        }

        if (columnTotals && rows >= 2)
        {
            for (var c = 0; c < columns; c++)
            {
                var column = c;
                yield return ((rows - 1, column), Enumerable.Range(0, rows - 1).Select(r => (r, column)).ToList());
            }
        }
    }
}
