using Accreditation.Sidecar.Components;

namespace Accreditation.Sidecar.Tests.Components;

public sealed class TopicScopesTests
{
    // The example of Dapr's "Scope Pub/sub topic access" page.
    private static readonly Dictionary<string, string> DocsExample = new()
    {
        ["publishingScopes"] = "app1=topic1;app2=topic2,topic3;app3=",
        ["subscriptionScopes"] = "app2=;app3=topic1",
    };

    [Theory]
    [InlineData("app1", "topic1", true)]
    [InlineData("app1", "topic2", false)]
    [InlineData("app2", "topic2", true)]
    [InlineData("app2", "topic3", true)]
    [InlineData("app2", "topic1", false)]
    [InlineData("app3", "topic1", false)]
    [InlineData("app4", "anything", true)]
    public void MayPublish_DocsExample_AsDapr(string appId, string topic, bool expected) =>
        Assert.Equal(expected, TopicScopes.For(DocsExample, appId).MayPublish(topic));

    [Theory]
    [InlineData("app1", "topic2", true)]
    [InlineData("app2", "topic1", false)]
    [InlineData("app3", "topic1", true)]
    [InlineData("app3", "topic2", false)]
    public void MaySubscribe_DocsExample_AsDapr(string appId, string topic, bool expected) =>
        Assert.Equal(expected, TopicScopes.For(DocsExample, appId).MaySubscribe(topic));

    [Fact]
    public void MayPublish_AllowedTopics_OtherTopicsRefusedForEveryApp()
    {
        var metadata = new Dictionary<string, string> { ["allowedTopics"] = "topic1, topic2", ["publishingScopes"] = "app1=topic2" };

        Assert.True(TopicScopes.For(metadata, "app9").MayPublish("topic1"));
        Assert.False(TopicScopes.For(metadata, "app9").MayPublish("topic3"));
        Assert.False(TopicScopes.For(metadata, "app9").MaySubscribe("topic3"));
        Assert.False(TopicScopes.For(metadata, "app1").MayPublish("topic1"));
        Assert.True(TopicScopes.For(metadata, "app1").MayPublish("topic2"));
    }

    [Fact]
    public void MayPublish_ProtectedTopic_OnlyWithAnExplicitScope()
    {
        var metadata = new Dictionary<string, string> { ["protectedTopics"] = "secret", ["publishingScopes"] = "app1=secret" };

        Assert.True(TopicScopes.For(metadata, "app1").MayPublish("secret"));
        Assert.False(TopicScopes.For(metadata, "app2").MayPublish("secret"));
        Assert.True(TopicScopes.For(metadata, "app2").MayPublish("open"));
    }

    [Fact]
    public void For_AppInSeveralEntriesSpacesAndNameCase_UnionWithoutSpaces()
    {
        var metadata = new Dictionary<string, string> { ["PUBLISHINGSCOPES"] = " app1 = a ; app1=b,c ;broken; app2=d" };

        var scopes = TopicScopes.For(metadata, "app1");

        Assert.All(["a", "b", "c"], t => Assert.True(scopes.MayPublish(t)));
        Assert.False(scopes.MayPublish("d"));
    }

    [Fact]
    public void Unrestricted_AnyTopic_Allowed()
    {
        Assert.True(TopicScopes.Unrestricted.MayPublish("x"));
        Assert.True(TopicScopes.Unrestricted.MaySubscribe("x"));
    }
}
