using Accreditation.Sidecar.Components;

namespace Accreditation.Sidecar.Tests.Components;

public sealed class MiniYamlTests
{
    [Fact]
    public void ReadDocuments_NestedMappingsSequencesAndScalars_Read()
    {
        const string yaml = """
            # a comment
            kind: Component
            metadata:
              name: "pubsub"   # trailing comment
            spec:
              metadata:
              - name: redisHost
                value: 'localhost:6379'
              - name: url
                value: http://x#not-a-comment
            scopes: [a, "b"]
            """;

        var doc = Assert.IsType<Dictionary<string, object?>>(Assert.Single(MiniYaml.ReadDocuments(yaml)));

        Assert.Equal("Component", doc["kind"]);
        Assert.Equal("pubsub", ((Dictionary<string, object?>)doc["metadata"]!)["name"]);
        var items = (List<object?>)((Dictionary<string, object?>)doc["spec"]!)["metadata"]!;
        Assert.Equal("localhost:6379", ((Dictionary<string, object?>)items[0]!)["value"]);
        Assert.Equal("http://x#not-a-comment", ((Dictionary<string, object?>)items[1]!)["value"]);
        Assert.Equal(["a", "b"], (List<object?>)doc["scopes"]!);
    }

    [Fact]
    public void ReadDocuments_SeparatorsAndBlockScalars_SplitAndJoined()
    {
        const string yaml = """
            a: 1
            ---
            text: |
              line one
              line two
            empty:
            list:
              - x
              -
                y: 2
            """;

        var docs = MiniYaml.ReadDocuments(yaml);

        Assert.Equal(2, docs.Count);
        var second = (Dictionary<string, object?>)docs[1]!;
        Assert.Equal("line one\nline two\n", second["text"]);
        Assert.Null(second["empty"]);
        var list = (List<object?>)second["list"]!;
        Assert.Equal("x", list[0]);
        Assert.Equal("2", ((Dictionary<string, object?>)list[1]!)["y"]);
    }

    [Theory]
    [InlineData("a: 1\n   b: 2")]
    [InlineData("a: \"unterminated")]
    [InlineData("a: [1, 2")]
    public void ReadDocuments_Malformed_FormatException(string yaml) =>
        Assert.Throws<FormatException>(() => MiniYaml.ReadDocuments(yaml));
}
