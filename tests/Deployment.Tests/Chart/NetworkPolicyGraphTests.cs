using Accreditation.Deployment.Tests.Support;
using Accreditation.Deployment.Tests.Support.Network;

namespace Accreditation.Deployment.Tests.Chart;

/// <summary>
/// The rendered NetworkPolicies as a graph: of every (source, destination pod, port) around the
/// release, exactly the intended flows are allowed and nothing else.
/// </summary>
public sealed class NetworkPolicyGraphTests
{
    public static TheoryData<string> Phases => new(Support.Chart.PhaseValuesFiles);

    [Theory]
    [MemberData(nameof(Phases))]
    public async Task Policies_AllowedFlows_AreExactlyTheIntendedOnes(string phase)
    {
        var rendered = await Support.Chart.RenderAsync(phase);
        var endpoints = ClusterModel.Build(rendered, Support.Chart.Namespace);
        var graph = new NetworkPolicyGraph(rendered.OfKind("NetworkPolicy"), Support.Chart.Namespace);

        var allowed = graph.AllowedFlows(endpoints, e => IsReleasePod(e));
        var expected = Expected(rendered, endpoints);

        Assert.True(expected.Count > 50, $"only {expected.Count} expected flows");
        Assert.Empty(expected.Except(allowed, StringComparer.Ordinal));
        Assert.Empty(allowed.Except(expected, StringComparer.Ordinal));
    }

    [Fact]
    public async Task Policies_NoClientNamespaces_NoClientReachesAnyApi()
    {
        var rendered = await Support.Chart.RenderAsync("values-phase1.yaml", ("networkPolicy.apiClientNamespaces", "null"));
        var endpoints = ClusterModel.Build(rendered, Support.Chart.Namespace);
        var graph = new NetworkPolicyGraph(rendered.OfKind("NetworkPolicy"), Support.Chart.Namespace);

        var allowed = graph.AllowedFlows(endpoints, e => IsReleasePod(e));

        Assert.DoesNotContain(allowed, flow => flow.StartsWith(ClusterModel.Client + " ", StringComparison.Ordinal));
        Assert.Contains(allowed, flow => flow.StartsWith("helm-test -> enrolment:5000", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Policies_DefaultDeny_SelectsEveryPodOfTheReleaseBothWays()
    {
        var rendered = await Support.Chart.RenderAsync("values-phase1.yaml");
        var deny = rendered.Named("NetworkPolicy", "accreditation-default-deny");
        var pods = ClusterModel.Build(rendered, Support.Chart.Namespace).Where(IsReleasePod).ToList();

        Assert.Equal(["Ingress", "Egress"], deny["spec"]!["policyTypes"].AsValuesOf());
        Assert.Null(deny["spec"]!["ingress"]);
        Assert.Null(deny["spec"]!["egress"]);
        Assert.All(pods, pod => Assert.True(LabelSelector.Matches(deny["spec"]!["podSelector"], pod.Labels), pod.Name));
        Assert.Equal(rendered.OfKind("Deployment").Count() * 2 + 2, pods.Count);
    }

    private static bool IsReleasePod(Endpoint endpoint) =>
        endpoint.Namespace == Support.Chart.Namespace && endpoint.Labels.GetValueOrDefault("app.kubernetes.io/instance") == "accreditation";

    /// <summary>
    /// api client -> each service's gRPC port (and HTTP API port); helm test -> each gRPC port;
    /// service -> its own store; service (sidecar) -> broker, Dapr control plane; service -> OIDC
    /// issuer over https; every release pod -> DNS. Not the app port, not the sidecar's ports, not
    /// another service's store, not service to service, not the API server.
    /// </summary>
    private static SortedSet<string> Expected(IReadOnlyList<System.Text.Json.Nodes.JsonObject> rendered, IReadOnlyList<Endpoint> endpoints)
    {
        var expected = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var deployment in rendered.OfKind("Deployment"))
        {
            var service = deployment.Label("app.kubernetes.io/component")!;
            var container = deployment.Containers().Single();
            var grpc = new PortSpec(int.Parse((string)container.Env("Service__GrpcPort")!["value"]!, System.Globalization.CultureInfo.InvariantCulture));
            expected.Add(NetworkPolicyGraph.Flow(ClusterModel.Client, service, grpc));
            if (container.Env("Service__HttpApiPort") is { } http)
            {
                expected.Add(NetworkPolicyGraph.Flow(ClusterModel.Client, service, new PortSpec(int.Parse((string)http["value"]!, System.Globalization.CultureInfo.InvariantCulture))));
            }

            expected.Add(NetworkPolicyGraph.Flow("helm-test", service, grpc));
            expected.Add(NetworkPolicyGraph.Flow(service, service + "-redis", new PortSpec(6379)));
            expected.Add(NetworkPolicyGraph.Flow(service, "broker", new PortSpec(6379)));
            foreach (var (name, port) in ClusterModel.DaprControlPlane)
            {
                expected.Add(NetworkPolicyGraph.Flow(service, name, new PortSpec(port)));
            }

            expected.Add(NetworkPolicyGraph.Flow(service, ClusterModel.Issuer, new PortSpec(443)));
        }

        foreach (var pod in endpoints.Where(IsReleasePod))
        {
            expected.Add(NetworkPolicyGraph.Flow(pod.Name, ClusterModel.Dns, new PortSpec(53, "UDP")));
            expected.Add(NetworkPolicyGraph.Flow(pod.Name, ClusterModel.Dns, new PortSpec(53, "TCP")));
        }

        return expected;
    }
}
