using Accreditation.Contracts;
using Accreditation.Deployment.Tests.Support;

namespace Accreditation.Deployment.Tests.Dapr;

/// <summary>The component's publishing and subscription scopes are exactly what TopicRoutes says.</summary>
public sealed class PubSubScopesTests
{
    public static TheoryData<string> ValuesFiles => new() { "values-phase1.yaml", "values-phase2.yaml", "values-national.yaml" };

    [Fact]
    public void LocalComponent_Scopes_EqualTopicRoutes()
    {
        var component = Manifests.Find(Manifests.Parse(File.ReadAllText(Repository.PathOf("dapr", "components", "pubsub.yaml"))), "Component", Topics.PubSubName);

        AssertScopes(component);
    }

    [Theory]
    [MemberData(nameof(ValuesFiles))]
    public async Task ChartComponent_Scopes_EqualTopicRoutes(string valuesFile)
    {
        var rendered = await Helm.TemplateAsync([Repository.PathOf("charts", "accreditation", valuesFile)], new Dictionary<string, string> { ["auth.authority"] = "https://login.example.gov.uk" });

        AssertScopes(Manifests.Find(Manifests.Parse(rendered), "Component", Topics.PubSubName));
    }

    [Fact]
    public void TopicRoutes_EqualityMonitoring_OnlyTheEvaluationConsumerSubscribes()
    {
        var route = TopicRoutes.All.Single(r => r.Topic == Topics.EqualityMonitoringRecorded);

        Assert.Equal([AppIds.Reporting], route.Subscribers);
    }

    [Fact]
    public void TopicRoutes_EveryTopicConstant_HasExactlyOneRoute()
    {
        var constants = typeof(Topics).GetFields().Where(f => f.IsLiteral && f.Name != nameof(Topics.PubSubName)).Select(f => (string)f.GetRawConstantValue()!);

        Assert.Equal(constants.Order(StringComparer.Ordinal), TopicRoutes.All.Select(r => r.Topic).Order(StringComparer.Ordinal));
    }

    private static void AssertScopes(YamlDotNet.RepresentationModel.YamlMappingNode component)
    {
        Assert.Equal(Parse(TopicRoutes.PublishingScopes()), Parse(Manifests.ComponentMetadata(component, "publishingScopes") ?? ""));
        Assert.Equal(Parse(TopicRoutes.SubscriptionScopes()), Parse(Manifests.ComponentMetadata(component, "subscriptionScopes") ?? ""));
    }

    /// <summary>"app=t1,t2;app2=t3" as app -> sorted topics, so the order of entries does not matter.</summary>
    private static SortedDictionary<string, string> Parse(string scopes) =>
        new(scopes.Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(entry => entry.Split('=', 2))
            .ToDictionary(
                pair => pair[0].Trim(),
                pair => string.Join(',', pair[1].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Order(StringComparer.Ordinal))),
            StringComparer.Ordinal);
}
