namespace Accreditation.Sidecar.Broker;

/// <summary>Field names of a stream entry as Dapr's pubsub.redis writes it.</summary>
public static class StreamFields
{
    /// <summary>The event bytes (a CloudEvent JSON unless published raw).</summary>
    public const string Data = "data";

    /// <summary>The publish request metadata as a JSON object of strings, when there was any.</summary>
    public const string Metadata = "metadata";
}
