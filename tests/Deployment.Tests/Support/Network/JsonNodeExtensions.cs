using System.Text.Json.Nodes;

namespace Accreditation.Deployment.Tests.Support.Network;

public static class JsonNodeExtensions
{
    /// <summary>The string values of a JSON array (none when the node is null).</summary>
    public static IEnumerable<string> AsValues(this JsonNode? array) =>
        array?.AsArray().Select(v => v!.ToString()) ?? [];
}
