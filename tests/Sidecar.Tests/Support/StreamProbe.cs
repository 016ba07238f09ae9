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

    public static Task WaitUntilSettledAsync(IConnectionMultiplexer redis, string topic, string group) =>
        Eventually.WaitForAsync(() => PendingAsync(redis, topic, group), pending => pending == 0, $"{topic} to have nothing pending for {group}");

    public static async Task<long> LengthAsync(IConnectionMultiplexer redis, string topic) =>
        await redis.GetDatabase().StreamLengthAsync(topic);
}
