using System.Net;
using System.Text.Json.Nodes;

namespace Accreditation.Deployment.Tests.Support.Network;

/// <summary>
/// Evaluates networking.k8s.io/v1 NetworkPolicies as the API defines them: a pod selected by a
/// policy of a direction is isolated in that direction and admits only what some rule of those
/// policies allows; a connection needs the source's egress and the destination's ingress. Peers:
/// podSelector alone (the policy's namespace), namespaceSelector (with or without podSelector),
/// ipBlock (addresses, with except). Ports: number or container port name, protocol (TCP by
/// default), endPort. Written for these tests: what the policies mean is the point.
/// </summary>
public sealed class NetworkPolicyGraph(IEnumerable<JsonObject> policies, string policyNamespace)
{
    private readonly IReadOnlyList<JsonObject> policies = policies.ToList();

    public bool Allows(Endpoint from, Endpoint to, PortSpec port) =>
        Admits(from, "Egress", "egress", "to", to, port) && Admits(to, "Ingress", "ingress", "from", from, port);

    /// <summary>Every allowed connection between the endpoints where at least one side is a pod of <paramref name="policyNamespace"/>.</summary>
    public IReadOnlySet<string> AllowedFlows(IReadOnlyList<Endpoint> endpoints, Func<Endpoint, bool> governed)
    {
        var flows = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var from in endpoints)
        {
            foreach (var to in endpoints.Where(to => to != from && (governed(from) || governed(to))))
            {
                foreach (var port in to.Ports.Where(port => Allows(from, to, port)))
                {
                    flows.Add(Flow(from.Name, to.Name, port));
                }
            }
        }

        return flows;
    }

    public static string Flow(string from, string to, PortSpec port) => $"{from} -> {to}:{port}";

    private bool Admits(Endpoint subject, string policyType, string rulesKey, string peersKey, Endpoint peer, PortSpec port)
    {
        if (subject.Namespace != policyNamespace)
        {
            return true;
        }

        var selecting = policies
            .Where(p => LabelSelector.Matches(p["spec"]!["podSelector"], subject.Labels))
            .Where(p => PolicyTypes(p).Contains(policyType))
            .ToList();
        if (selecting.Count == 0)
        {
            return true;
        }

        return selecting.SelectMany(p => p["spec"]![rulesKey].Items())
            .Any(rule => PeersMatch(rule[peersKey], peer) && PortsMatch(rule["ports"], rulesKey == "ingress" ? subject : peer, port));
    }

    private static HashSet<string> PolicyTypes(JsonObject policy)
    {
        var declared = policy["spec"]!["policyTypes"]?.AsArray().Select(t => (string)t!).ToHashSet();
        if (declared is not null)
        {
            return declared;
        }

        var implied = new HashSet<string> { "Ingress" };
        if (policy["spec"]!["egress"] is not null)
        {
            implied.Add("Egress");
        }

        return implied;
    }

    private bool PeersMatch(JsonNode? peers, Endpoint peer)
    {
        var list = peers.Items().ToList();
        return peers is null || list.Count == 0 || list.Any(p => PeerMatches(p, peer));
    }

    private bool PeerMatches(JsonObject peer, Endpoint endpoint)
    {
        if (peer["ipBlock"] is { } block)
        {
            return InCidr(endpoint.Address, (string)block["cidr"]!)
                && !block["except"].AsValues().Any(cidr => InCidr(endpoint.Address, cidr));
        }

        if (!endpoint.IsPod)
        {
            return false;
        }

        var namespaceMatches = peer["namespaceSelector"] is { } namespaceSelector
            ? LabelSelector.Matches(namespaceSelector, NamespaceLabels(endpoint.Namespace!))
            : endpoint.Namespace == policyNamespace;
        return namespaceMatches && LabelSelector.Matches(peer["podSelector"], endpoint.Labels);
    }

    private static bool PortsMatch(JsonNode? ports, Endpoint destination, PortSpec port)
    {
        var list = ports.Items().ToList();
        if (list.Count == 0)
        {
            return true;
        }

        return list.Any(p =>
        {
            if (((string?)p["protocol"] ?? "TCP") != port.Protocol)
            {
                return false;
            }

            return p["port"] switch
            {
                null => true,
                JsonValue value when value.TryGetValue<long>(out var number) =>
                    port.Number >= number && port.Number <= ((long?)p["endPort"] ?? number),
                JsonValue value => destination.Ports.Any(d => d.Name == (string?)value && d.Number == port.Number && d.Protocol == port.Protocol),
                _ => false,
            };
        });
    }

    /// <summary>Every namespace carries kubernetes.io/metadata.name (set by the API server since 1.21).</summary>
    private static Dictionary<string, string> NamespaceLabels(string ns) => new() { ["kubernetes.io/metadata.name"] = ns };

    private static bool InCidr(IPAddress address, string cidr) => IPNetwork.Parse(cidr).Contains(address);
}
