namespace Accreditation.Sidecar.CloudEvents;

/// <summary>Content-type tests as Dapr applies them to event data.</summary>
public static class ContentTypes
{
    public const string CloudEventsJson = "application/cloudevents+json";
    public const string Json = "application/json";
    public const string OctetStream = "application/octet-stream";
    public const string TextPlain = "text/plain";

    public static bool IsJson(string? contentType)
    {
        var media = MediaType(contentType);
        return media == Json || media.EndsWith("+json", StringComparison.Ordinal);
    }

    public static bool IsCloudEvent(string? contentType) => MediaType(contentType) == CloudEventsJson;

    public static bool IsBinary(string? contentType) => MediaType(contentType) == OctetStream;

    /// <summary>The media type without parameters, lower case: "application/json; charset=utf-8" gives "application/json".</summary>
    public static string MediaType(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType))
        {
            return "";
        }

        var semicolon = contentType.IndexOf(';', StringComparison.Ordinal);
        var media = semicolon >= 0 ? contentType[..semicolon] : contentType;
        return media.Trim().ToLowerInvariant();
    }
}
