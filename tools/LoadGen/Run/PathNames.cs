namespace Accreditation.LoadGen.Run;

/// <summary>The paths run can measure, in the order it measures them (echo first, enrol before lag, which needs its rate).</summary>
public static class PathNames
{
    public const string Echo = "echo";
    public const string Enrol = "enrol";
    public const string Get = "get";
    public const string List = "list";
    public const string Status = "status";
    public const string Check = "check";
    public const string Export = "export";
    public const string Lag = "lag";

    public static IReadOnlyList<string> All { get; } = [Echo, Enrol, Get, List, Status, Check, Export, Lag];

    /// <summary>The known paths of a comma list, in measuring order; unknown names in <paramref name="unknown"/>.</summary>
    public static IReadOnlyList<string> Parse(string text, out IReadOnlyList<string> unknown)
    {
        var asked = (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => p.ToLowerInvariant())
            .ToHashSet(StringComparer.Ordinal);
        unknown = [.. asked.Where(p => !All.Contains(p)).Order(StringComparer.Ordinal)];
        return [.. All.Where(asked.Contains)];
    }
}
