namespace Accreditation.Sidecar.Tests.Support;

/// <summary>One delivery as the fake app saw it, with its request headers (names lower case).</summary>
public sealed record ReceivedEvent(string Route, string? ContentType, byte[] Body, string? EventId, int Attempt, IReadOnlyDictionary<string, string> Headers)
{
    public string Text => System.Text.Encoding.UTF8.GetString(Body);

    public string? Header(string name) => Headers.GetValueOrDefault(name.ToLowerInvariant());
}
