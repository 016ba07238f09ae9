using System.Net;
using System.Text.Json.Nodes;

namespace Accreditation.Deployment.Tests.Support.Network;

/// <summary>
/// The pods a rendered release runs (named by their component label) and what is around them:
/// an API client in the client namespace, a pod in another namespace, an unlabelled pod in the
/// release's own namespace, cluster DNS, Dapr's control plane, the API server, and the OIDC issuer
/// on the internet. A pod with a Dapr sidecar also listens on the sidecar's ports and its app port.
/// </summary>
public static class ClusterModel
{
    public const string Client = "api-client";
    public const string Stranger = "stranger";
    public const string Intruder = "intruder";
    public const string Dns = "kube-dns";
    public const string ApiServer = "kube-apiserver";
    public const string Issuer = "oidc-issuer";

    /// <summary>Dapr control-plane pods and the port each serves the sidecars on.</summary>
    public static readonly IReadOnlyList<(string Name, int Port)> DaprControlPlane =
        [("dapr-sentry", 50001), ("dapr-operator", 6500), ("dapr-placement", 50005), ("dapr-scheduler", 50006)];

    /// <summary>daprd's own ports: HTTP and gRPC API, internal gRPC (service invocation), metrics.</summary>
    public static readonly IReadOnlyList<int> SidecarPorts = [3500, 50001, 50002, 9090];

    public static IReadOnlyList<Endpoint> Build(IReadOnlyList<JsonObject> rendered, string releaseNamespace)
    {
        var next = 10;
        IPAddress PodAddress() => IPAddress.Parse($"10.244.0.{next++}");
        var endpoints = new List<Endpoint>();
        foreach (var workload in rendered.Where(d => (string?)d["kind"] is "Deployment" or "StatefulSet" or "Pod"))
        {
            var template = workload.PodTemplate();
            var labels = template["metadata"]!["labels"]!.AsObject().ToDictionary(p => p.Key, p => p.Value!.ToString());
            var ports = workload.Containers()
                .SelectMany(c => c["ports"].Items())
                .Select(p => new PortSpec((int)(long)p["containerPort"]!, (string?)p["protocol"] ?? "TCP", (string?)p["name"]))
                .ToList();
            if (template.Annotation("dapr.io/enabled") == "true")
            {
                ports.AddRange(SidecarPorts.Select(p => new PortSpec(p)));
                ports.Add(new PortSpec(int.Parse(template.Annotation("dapr.io/app-port")!, System.Globalization.CultureInfo.InvariantCulture)));
            }

            endpoints.Add(new Endpoint(labels["app.kubernetes.io/component"], releaseNamespace, labels, PodAddress(), ports.Distinct().ToList()));
        }

        endpoints.Add(Pod(Client, Chart.ClientNamespace, new() { ["app"] = "hr-gateway" }, PodAddress(), []));
        endpoints.Add(Pod(Stranger, "elsewhere", new() { ["app"] = "something" }, PodAddress(), []));
        endpoints.Add(Pod(Intruder, releaseNamespace, new() { ["run"] = "debug" }, PodAddress(), []));
        endpoints.Add(Pod(Dns, "kube-system", new() { ["k8s-app"] = "kube-dns" }, PodAddress(), [new PortSpec(53, "UDP"), new PortSpec(53, "TCP")]));
        foreach (var (name, port) in DaprControlPlane)
        {
            endpoints.Add(Pod(name, "dapr-system", new() { ["app"] = name }, PodAddress(), [new PortSpec(port)]));
        }

        endpoints.Add(new Endpoint(ApiServer, null, new Dictionary<string, string>(), IPAddress.Parse("172.18.0.2"), [new PortSpec(6443), new PortSpec(443)]));
        endpoints.Add(new Endpoint(Issuer, null, new Dictionary<string, string>(), IPAddress.Parse("51.140.10.20"), [new PortSpec(443), new PortSpec(80)]));
        return endpoints;
    }

    private static Endpoint Pod(string name, string ns, Dictionary<string, string> labels, IPAddress address, IReadOnlyList<PortSpec> ports) =>
        new(name, ns, labels, address, ports);
}
