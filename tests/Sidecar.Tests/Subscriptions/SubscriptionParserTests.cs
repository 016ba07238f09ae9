using Accreditation.Sidecar.Subscriptions;

namespace Accreditation.Sidecar.Tests.Subscriptions;

public sealed class SubscriptionParserTests
{
    [Fact]
    public void Parse_DaprAspNetCoreShape_Read()
    {
        const string json = """
            [{"topic":"enrolment.candidate-enrolled","pubsubName":"pubsub","routes":{"default":"events/enrolled"},
              "deadLetterTopic":"enrolment.dead","metadata":{"rawPayload":"false"}}]
            """;

        var subscription = Assert.Single(SubscriptionParser.Parse(json).Subscriptions);

        Assert.Equal("pubsub", subscription.PubSubName);
        Assert.Equal("enrolment.candidate-enrolled", subscription.Topic);
        Assert.Equal("/events/enrolled", subscription.Route);
        Assert.Equal("enrolment.dead", subscription.DeadLetterTopic);
        Assert.False(subscription.RawPayload);
    }

    [Fact]
    public void Parse_KeysInAnyCase_Read()
    {
        const string json = """[{"PUBSUBNAME":"p","Topic":"t","ROUTE":"/r","DeadLetterTopic":"d","Metadata":{"RAWPAYLOAD":"True"}}]""";

        var subscription = Assert.Single(SubscriptionParser.Parse(json).Subscriptions);

        Assert.Equal(("p", "t", "/r", "d", true), (subscription.PubSubName, subscription.Topic, subscription.Route, subscription.DeadLetterTopic, subscription.RawPayload));
    }

    [Fact]
    public void Parse_RulesWithOnlyDefaultPath_ThatPathUsed()
    {
        const string json = """[{"pubsubname":"p","topic":"t","routes":{"rules":[{"match":"","path":"/only"}]}}]""";

        Assert.Equal("/only", Assert.Single(SubscriptionParser.Parse(json).Subscriptions).Route);
    }

    [Fact]
    public void Parse_RoutesDefaultAndRoute_DefaultWinsAndMatchRulesWarned()
    {
        const string json = """[{"pubsubname":"p","topic":"t","route":"/old","routes":{"default":"/new","rules":[{"match":"event.type == 'x'","path":"/x"}]}}]""";

        var list = SubscriptionParser.Parse(json);

        Assert.Equal("/new", Assert.Single(list.Subscriptions).Route);
        Assert.Single(list.Warnings);
    }

    [Fact]
    public void Parse_IncompleteOrDuplicate_SkippedWithWarnings()
    {
        const string json = """[{"topic":"t","route":"/r"},{"pubsubname":"p","topic":"t"},{"pubsubname":"p","topic":"t","route":"/a"},{"pubsubname":"p","topic":"t","route":"/b"}]""";

        var list = SubscriptionParser.Parse(json);

        Assert.Equal("/a", Assert.Single(list.Subscriptions).Route);
        Assert.Equal(3, list.Warnings.Count);
    }

    [Fact]
    public void Parse_EmptyBody_NoSubscriptions() => Assert.Empty(SubscriptionParser.Parse("").Subscriptions);

    [Fact]
    public void Parse_NotAnArray_FormatException() =>
        Assert.Throws<FormatException>(() => SubscriptionParser.Parse("""{"topic":"t"}"""));
}
