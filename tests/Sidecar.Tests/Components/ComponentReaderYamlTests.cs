using Accreditation.Sidecar.Components;

namespace Accreditation.Sidecar.Tests.Components;

/// <summary>YAML as daprd reads resource files (YAML 1.2), through the component reader.</summary>
public sealed class ComponentReaderYamlTests
{
    [Fact]
    public void Read_CommentsQuotesAndFlowScopes_Read()
    {
        const string yaml = """
            # a comment
            kind: Component
            metadata:
              name: "pubsub"   # trailing comment
            spec:
              type: pubsub.redis
              metadata:
              - name: redisHost
                value: 'localhost:6379'
              - name: url
                value: http://x#not-a-comment
            scopes: [a, "b"]
            """;

        var component = Assert.Single(ComponentReader.Read([("c.yaml", yaml)], "b").PubSubs);

        Assert.Equal("pubsub", component.Name);
        Assert.Equal("localhost:6379", component.RedisHost);
        Assert.Equal("http://x#not-a-comment", component.Metadata["url"]);
        Assert.Single(ComponentReader.Read([("c.yaml", yaml)], "a").PubSubs);
        Assert.Empty(ComponentReader.Read([("c.yaml", yaml)], "c").PubSubs);
    }

    [Fact]
    public void Read_DocumentSeparatorsAndEmptyValues_EveryDocumentRead()
    {
        const string yaml = """
            kind: Component
            metadata:
              name: first
            spec:
              type: pubsub.redis
            ---
            kind: Component
            metadata:
              name: second
            spec:
              type: pubsub.redis
              metadata:
              - name: redisPassword
                value:
              - name: consumerID
                value: group
            ...
            """;

        var set = ComponentReader.Read([("c.yaml", yaml)], "a");

        Assert.Equal(["first", "second"], set.PubSubs.Select(c => c.Name));
        Assert.Null(set.PubSubs[1].RedisPassword);
        Assert.Equal("group", set.PubSubs[1].ConsumerId);
        Assert.Empty(set.Warnings);
    }

    [Fact]
    public void Read_LiteralBlockScalarWithBlankLine_BlankLineKept()
    {
        const string yaml = """
            kind: Component
            metadata:
              name: pubsub
            spec:
              type: pubsub.redis
              metadata:
              - name: caCert
                value: |
                  line one

                  line three
              - name: redisHost
                value: localhost:6379
            """;

        var component = Assert.Single(ComponentReader.Read([("c.yaml", yaml)], "a").PubSubs);

        Assert.Equal("line one\n\nline three\n", component.Metadata["caCert"]);
    }

    [Fact]
    public void Read_LiteralBlockScalarWithTrailingBlankLines_ClippedToOneNewline()
    {
        const string yaml = """
            kind: Component
            metadata:
              name: pubsub
            spec:
              type: pubsub.redis
              metadata:
              - name: clip
                value: |
                  text


              - name: keep
                value: |+
                  text


              - name: strip
                value: |-
                  text
            """;

        var component = Assert.Single(ComponentReader.Read([("c.yaml", yaml)], "a").PubSubs);

        Assert.Equal("text\n", component.Metadata["clip"]);
        Assert.Equal("text\n\n\n", component.Metadata["keep"]);
        Assert.Equal("text", component.Metadata["strip"]);
    }

    [Fact]
    public void Read_FlowScopesWithQuotedComma_FileReadAndScopeKeptWhole()
    {
        const string yaml = """
            kind: Component
            metadata:
              name: pubsub
            spec:
              type: pubsub.redis
            scopes: ["a", "b,c"]
            """;

        var set = ComponentReader.Read([("c.yaml", yaml)], "b,c");

        Assert.Equal("pubsub", Assert.Single(set.PubSubs).Name);
        Assert.Empty(set.Warnings);
        Assert.Empty(ComponentReader.Read([("c.yaml", yaml)], "b").PubSubs);
    }

    [Theory]
    [InlineData("kind: Component\n  metadata: 2\n")]
    [InlineData("kind: \"unterminated")]
    [InlineData("kind: [1, 2")]
    [InlineData("kind: Component\nkind: Component\n")]
    public void Read_MalformedYaml_FileSkippedWithWarning(string yaml)
    {
        var set = ComponentReader.Read([("bad.yaml", yaml)], "a");

        Assert.Empty(set.PubSubs);
        Assert.Contains("bad.yaml", Assert.Single(set.Warnings), StringComparison.Ordinal);
    }
}
