namespace Accreditation.Sidecar.Tests.Support;

/// <summary>Names and stream helpers shared by the integration tests.</summary>
public static class Names
{
    public static string Topic(string what) => $"{what}-{Guid.NewGuid():N}";

    public static string AppId(string what) => $"{what}-{Guid.NewGuid().ToString("N")[..8]}";

    public static string Subscriptions(string topic, string route, string? deadLetterTopic = null, string pubsub = "pubsub", bool rawPayload = false)
    {
        var dlt = deadLetterTopic is null ? "" : $", \"deadLetterTopic\": \"{deadLetterTopic}\"";
        var meta = rawPayload ? ", \"metadata\": {\"rawPayload\": \"true\"}" : "";
        return $$"""[{"pubsubname": "{{pubsub}}", "topic": "{{topic}}", "route": "{{route}}"{{dlt}}{{meta}}}]""";
    }

    /// <summary>One /dapr/subscribe answer made of several <see cref="Subscriptions"/> answers.</summary>
    public static string Combine(params string[] lists) =>
        "[" + string.Join(',', lists.Select(l => l.Trim()[1..^1])) + "]";
}
