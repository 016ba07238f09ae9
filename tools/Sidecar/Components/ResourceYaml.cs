using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Accreditation.Sidecar.Components;

/// <summary>
/// Reads the documents of one resource file with YamlDotNet (a full YAML 1.2 parser, like the one
/// daprd uses) into plain nodes: mappings as <see cref="Dictionary{TKey,TValue}"/> with string keys
/// (ordinal), sequences as <see cref="List{T}"/>, scalars as <see cref="string"/>, and null for an
/// empty or null plain scalar (<c>key:</c>, <c>~</c>, <c>null</c>). Every scalar stays text; the
/// reader converts what it needs, as daprd decodes component metadata from strings.
/// </summary>
internal static class ResourceYaml
{
    /// <summary>Every document of <paramref name="text"/>; throws <see cref="FormatException"/> when it is not valid YAML.</summary>
    public static IReadOnlyList<object?> ReadDocuments(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var stream = new YamlStream();
        try
        {
            using var reader = new StringReader(text);
            stream.Load(reader);
        }
        catch (YamlException e)
        {
            throw new FormatException($"line {e.Start.Line}: {e.Message}", e);
        }

        return stream.Documents.Select(d => Convert(d.RootNode)).ToList();
    }

    private static object? Convert(YamlNode node) => node switch
    {
        YamlMappingNode mapping => mapping.Children.ToDictionary(
            pair => Convert(pair.Key) as string ?? "",
            pair => Convert(pair.Value),
            StringComparer.Ordinal),
        YamlSequenceNode sequence => sequence.Children.Select(Convert).ToList(),
        YamlScalarNode scalar => ScalarValue(scalar),
        _ => null,
    };

    private static string? ScalarValue(YamlScalarNode scalar)
    {
        if (scalar.Style is ScalarStyle.Plain or ScalarStyle.Any && (scalar.Value is null or "" or "~" or "null" or "Null" or "NULL"))
        {
            return null;
        }

        return scalar.Value ?? "";
    }
}
