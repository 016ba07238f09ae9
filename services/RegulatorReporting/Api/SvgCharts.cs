using System.Globalization;
using System.Net;
using System.Text;
using Accreditation.RegulatorReporting.Domain.Evaluation;

namespace Accreditation.RegulatorReporting.Api;

/// <summary>
/// Inline SVG charts of controlled figures (no script, no fonts or images from elsewhere). A "c" or
/// "z" cell is drawn as its marker, never as a bar: a chart shows nothing the tables do not.
/// </summary>
public static class SvgCharts
{
    private const int LabelWidth = 150;
    private const int BarWidth = 220;
    private const int RowHeight = 18;

    /// <summary>Horizontal bars of stage counts, scaled to the largest shown count.</summary>
    public static string Funnel(string title, IReadOnlyList<(string Label, Cell Cell)> stages)
    {
        ArgumentNullException.ThrowIfNull(stages);
        var max = stages.Where(s => s.Cell.IsShown).Select(s => s.Cell.Value).DefaultIfEmpty(0).Max();
        return Bars(title, stages, max <= 0 ? 1 : max, "#1d70b8");
    }

    /// <summary>Horizontal bars of percentages on a 0 to 100 scale.</summary>
    public static string Rates(string title, IReadOnlyList<(string Label, Cell Cell)> rates) => Bars(title, rates, 100, "#00703c");

    /// <summary>A forest plot: each group's gap (pp) as a point with its 95% interval, about a line at zero; flagged gaps in red.</summary>
    public static string Gaps(string title, IReadOnlyList<(string Label, GapFigures Gap)> groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        var shown = groups.Where(g => g.Gap.GapLower.IsShown && g.Gap.GapUpper.IsShown).ToList();
        var extent = shown.SelectMany(g => new[] { Math.Abs(g.Gap.GapLower.Value), Math.Abs(g.Gap.GapUpper.Value) }).DefaultIfEmpty(10).Max();
        extent = Math.Max(10, Math.Ceiling(extent / 10) * 10);
        var height = (groups.Count * RowHeight) + 30;
        var width = LabelWidth + BarWidth + 60;
        double X(double v) => LabelWidth + ((v + extent) / (2 * extent) * BarWidth);
        var svg = Open(title, width, height);
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{F(X(0))}\" y1=\"4\" x2=\"{F(X(0))}\" y2=\"{height - 22}\" stroke=\"#505a5f\" stroke-dasharray=\"3,3\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(X(-extent))}\" y=\"{height - 8}\" font-size=\"10\">{F(-extent)}</text><text x=\"{F(X(0) - 3)}\" y=\"{height - 8}\" font-size=\"10\">0</text><text x=\"{F(X(extent) - 14)}\" y=\"{height - 8}\" font-size=\"10\">+{F(extent)}</text>");
        for (var i = 0; i < groups.Count; i++)
        {
            var (label, gap) = groups[i];
            var y = 4 + (i * RowHeight);
            var mid = y + (RowHeight / 2);
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"0\" y=\"{mid + 4}\" font-size=\"11\">{Encode(Trim(label))}</text>");
            if (gap.Gap.IsShown && gap.GapLower.IsShown && gap.GapUpper.IsShown)
            {
                var colour = gap.Flagged ? "#d4351c" : "#0b0c0c";
                svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{F(X(gap.GapLower.Value))}\" y1=\"{mid}\" x2=\"{F(X(gap.GapUpper.Value))}\" y2=\"{mid}\" stroke=\"{colour}\" stroke-width=\"2\"/>");
                svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{F(X(gap.Gap.Value))}\" cy=\"{mid}\" r=\"4\" fill=\"{colour}\"/>");
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{LabelWidth + BarWidth + 6}\" y=\"{mid + 4}\" font-size=\"11\" fill=\"{colour}\">{Encode(gap.Gap.Text)}</text>");
            }
            else
            {
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(X(0) + 6)}\" y=\"{mid + 4}\" font-size=\"11\" font-style=\"italic\" fill=\"#6f777b\">{Encode(gap.Gap.Text)}</text>");
            }
        }

        return svg.Append("</svg>").ToString();
    }

    private static string Bars(string title, IReadOnlyList<(string Label, Cell Cell)> bars, double max, string colour)
    {
        ArgumentNullException.ThrowIfNull(bars);
        var height = (bars.Count * RowHeight) + 8;
        var svg = Open(title, LabelWidth + BarWidth + 50, height);
        for (var i = 0; i < bars.Count; i++)
        {
            var (label, cell) = bars[i];
            var y = 4 + (i * RowHeight);
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"0\" y=\"{y + 13}\" font-size=\"11\">{Encode(Trim(label))}</text>");
            if (cell.IsShown)
            {
                var w = Math.Max(1, cell.Value / max * BarWidth);
                svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{LabelWidth}\" y=\"{y + 2}\" width=\"{F(w)}\" height=\"{RowHeight - 5}\" fill=\"{colour}\"/>");
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(LabelWidth + w + 4)}\" y=\"{y + 13}\" font-size=\"11\">{Encode(cell.Text)}</text>");
            }
            else
            {
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{LabelWidth + 4}\" y=\"{y + 13}\" font-size=\"11\" font-style=\"italic\" fill=\"#6f777b\">{Encode(cell.Text)}</text>");
            }
        }

        return svg.Append("</svg>").ToString();
    }

    private static StringBuilder Open(string title, int width, int height) =>
        new StringBuilder().Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"{Encode(title)}\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\"><title>{Encode(title)}</title>");

    private static string Trim(string label) => label.Length > 26 ? label[..25] + "…" : label;

    private static string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
