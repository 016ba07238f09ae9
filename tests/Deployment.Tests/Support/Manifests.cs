using YamlDotNet.RepresentationModel;

namespace Accreditation.Deployment.Tests.Support;

/// <summary>Multi-document YAML (a components file, or helm template output) as YamlDotNet nodes.</summary>
public static class Manifests
{
    public static IReadOnlyList<YamlMappingNode> Parse(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return stream.Documents.Select(d => d.RootNode).OfType<YamlMappingNode>().ToList();
    }

    public static string? Scalar(YamlNode node, params string[] path)
    {
        var current = node;
        foreach (var key in path)
        {
            if (current is not YamlMappingNode map || !map.Children.TryGetValue(new YamlScalarNode(key), out var next))
            {
                return null;
            }

            current = next;
        }

        return (current as YamlScalarNode)?.Value;
    }

    /// <summary>The value of a Dapr component's spec.metadata entry.</summary>
    public static string? ComponentMetadata(YamlMappingNode component, string name)
    {
        var spec = (YamlMappingNode)component.Children[new YamlScalarNode("spec")];
        var metadata = (YamlSequenceNode)spec.Children[new YamlScalarNode("metadata")];
        return metadata.Children.OfType<YamlMappingNode>()
            .Where(m => Scalar(m, "name") == name)
            .Select(m => Scalar(m, "value"))
            .FirstOrDefault();
    }

    public static YamlMappingNode Find(IEnumerable<YamlMappingNode> documents, string kind, string name) =>
        documents.Single(d => Scalar(d, "kind") == kind && Scalar(d, "metadata", "name") == name);
}
