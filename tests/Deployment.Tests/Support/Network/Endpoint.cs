using System.Net;

namespace Accreditation.Deployment.Tests.Support.Network;

/// <summary>
/// Something on the network: a pod (namespace and labels) or an address outside the cluster
/// (no namespace). Ports are what it listens on, as "5000/TCP".
/// </summary>
public sealed record Endpoint(string Name, string? Namespace, IReadOnlyDictionary<string, string> Labels, IPAddress Address, IReadOnlyList<PortSpec> Ports)
{
    public bool IsPod => Namespace is not null;

    public override string ToString() => Name;
}
