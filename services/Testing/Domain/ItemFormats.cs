using Accreditation.Contracts.Testing.V1;

namespace Accreditation.Testing.Domain;

/// <summary>Option and key counts of the two item formats: "1 of 4" and "3 of 8".</summary>
public static class ItemFormats
{
    public static int Options(ItemFormat format) => format == ItemFormat.MultipleAnswer ? 8 : 4;

    public static int Keys(ItemFormat format) => format == ItemFormat.MultipleAnswer ? 3 : 1;

    /// <summary>The option ids of a format, in authoring order: A-D or A-H.</summary>
    public static IReadOnlyList<string> OptionIds(ItemFormat format) =>
        Enumerable.Range(0, Options(format)).Select(i => ((char)('A' + i)).ToString()).ToList();
}
