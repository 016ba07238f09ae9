using Google.Protobuf;

namespace Accreditation.System.Tests.Probe;

/// <summary>A delivery whose payload is a <typeparamref name="T"/>.</summary>
public sealed record Delivery<T>(ReceivedEvent Event, T Message)
    where T : IMessage<T>
{
    public string CloudEventId => Event.CloudEventId;

    public override string ToString() => Event.ToString();
}
