using System.Globalization;

namespace Accreditation.RegulatorReporting.Domain.Evaluation;

/// <summary>
/// One published figure: a count (whole), a rate, percentage, gap or median (rounded to one decimal
/// place, half away from zero, before it ever leaves the domain), "c" (suppressed) or "z" (not
/// applicable). Never an unrounded value.
/// </summary>
public readonly record struct Cell(CellKind Kind, double Value, int Decimals)
{
    public const string SuppressedText = "c";
    public const string NotApplicableText = "z";

    public static Cell Suppressed { get; } = new(CellKind.Suppressed, 0, 0);

    public static Cell NotApplicable { get; } = new(CellKind.NotApplicable, 0, 0);

    public bool IsShown => Kind == CellKind.Shown;

    /// <summary>The value when shown, else null.</summary>
    public double? Number => IsShown ? Value : null;

    /// <summary>As published: "12", "83.3", "-4.0", "c" or "z".</summary>
    public string Text => Kind switch
    {
        CellKind.Suppressed => SuppressedText,
        CellKind.NotApplicable => NotApplicableText,
        _ => Value.ToString(Decimals == 0 ? "0" : "0.0", CultureInfo.InvariantCulture),
    };

    public static Cell Count(int count) => new(CellKind.Shown, count, 0);

    /// <summary>A rate, percentage, gap or median, rounded to one decimal place (no negative zero).</summary>
    public static Cell OneDecimal(double value) => new(CellKind.Shown, Math.Round(value, 1, MidpointRounding.AwayFromZero) + 0d, 1);

    public override string ToString() => Text;
}
