using Google.Protobuf;

namespace Accreditation.System.Tests.Probe;

/// <summary>One delivery to the probe: the CloudEvent's attributes and its payload parsed from protobuf JSON.</summary>
public sealed record ReceivedEvent(
    long Sequence,
    string Topic,
    string CloudEventId,
    string Source,
    string Type,
    IMessage Payload,
    DateTimeOffset ReceivedAt)
{
    /// <summary>The W3C traceparent the delivery carried as an HTTP header (null when none).</summary>
    public string? TraceParentHeader { get; init; }

    /// <summary>The CloudEvent's traceparent attribute (null when none).</summary>
    public string? TraceParent { get; init; }

    public override string ToString() => $"#{Sequence} {Topic} id={CloudEventId} source={Source} {Payload}";
}
