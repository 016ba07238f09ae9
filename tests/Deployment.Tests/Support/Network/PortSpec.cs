namespace Accreditation.Deployment.Tests.Support.Network;

/// <summary>A listening port: number, protocol and (for a container port) its name.</summary>
public sealed record PortSpec(int Number, string Protocol = "TCP", string? Name = null)
{
    public override string ToString() => $"{Number}/{Protocol}";
}
