namespace Accreditation.Sidecar.Tests.Support;

/// <summary>One delivery as the fake app saw it.</summary>
public sealed record ReceivedEvent(string Route, string? ContentType, byte[] Body, string? EventId, int Attempt)
{
    public string Text => System.Text.Encoding.UTF8.GetString(Body);
}
