using System.Net.Http.Headers;
using Accreditation.TestSupport;
using StackExchange.Redis;

namespace Accreditation.Sidecar.Tests.Support;

/// <summary>Publishing through a sidecar's HTTP API and looking at the streams it writes.</summary>
public static class StreamProbe
{
    public static async Task PublishAsync(SidecarHarness sidecar, string topic, string json, string? eventId = null, string contentType = "application/json", string pubsub = "pubsub", string? query = null)
    {
        using var http = new HttpClient { BaseAddress = sidecar.HttpEndpoint };
        var parameters = new List<string>();
        if (eventId is not null)
        {
            parameters.Add("metadata.cloudevent.id=" + Uri.EscapeDataString(eventId));
        }

        if (query is not null)
        {
            parameters.Add(query);
        }

        var uri = $"/v1.0/publish/{pubsub}/{topic}" + (parameters.Count > 0 ? "?" + string.Join('&', parameters) : "");
        using var content = new StringContent(json);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        using var response = await http.PostAsync(new Uri(uri, UriKind.Relative), content);
        Assert.Equal(System.Net.HttpStatusCode.NoContent, response.StatusCode);
    }

    public static async Task<long> PendingAsync(IConnectionMultiplexer redis, string topic, string group) =>
        (await redis.GetDatabase().StreamPendingAsync(topic, group)).PendingMessageCount;

    /// <summary>Waits until the group has read every entry of the stream and acknowledged them all.</summary>
    public static Task WaitUntilSettledAsync(IConnectionMultiplexer redis, string topic, string group) =>
        Eventually.WaitForAsync(() => SettledAsync(redis, topic, group), settled => settled, $"{topic} to be read and acknowledged by {group}");

    private static async Task<bool> SettledAsync(IConnectionMultiplexer redis, string topic, string group)
    {
        var db = redis.GetDatabase();
        var last = await db.StreamRangeAsync(topic, "-", "+", count: 1, messageOrder: Order.Descending);
        if (last.Length == 0)
        {
            return false;
        }

        var info = (await db.StreamGroupInfoAsync(topic)).FirstOrDefault(g => g.Name == group);
        return info.Name == group && info.LastDeliveredId == last[0].Id.ToString() && info.PendingMessageCount == 0;
    }

    public static async Task<long> LengthAsync(IConnectionMultiplexer redis, string topic) =>
        await redis.GetDatabase().StreamLengthAsync(topic);
}
