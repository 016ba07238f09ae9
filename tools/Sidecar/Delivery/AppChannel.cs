using System.Net.Http.Headers;
using Accreditation.Sidecar.Api;
using Accreditation.Sidecar.CloudEvents;
using Accreditation.Sidecar.Configuration;

namespace Accreditation.Sidecar.Delivery;

/// <summary>
/// HTTP to the app: GET /dapr/subscribe and event deliveries (POST to the subscription's route). As
/// daprd's app channel, every request carries APP_API_TOKEN (<see cref="SidecarOptions.AppApiToken"/>)
/// in the dapr-api-token header when it is set.
/// </summary>
public sealed class AppChannel : IDisposable
{
    private readonly HttpClient _http;
    private readonly SidecarOptions _options;

    public AppChannel(SidecarOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
        if (options.AppPort is { } port)
        {
            _http.BaseAddress = new UriBuilder(Uri.UriSchemeHttp, options.AppHost, port).Uri;
        }
    }

    /// <summary>The subscription JSON, "" when the app has no /dapr/subscribe (404); throws <see cref="HttpRequestException"/> while the app does not answer.</summary>
    public async Task<string> GetSubscriptionsAsync(CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/dapr/subscribe");
        AddAppToken(request);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        using var response = await _http.SendAsync(request, timeout.Token);
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return "";
        }

        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync(timeout.Token);
    }

    /// <summary>POSTs one event; throws <see cref="HttpRequestException"/> when the app cannot be reached.</summary>
    public async Task<AppResponse> DeliverAsync(string route, PreparedDelivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        using var request = new HttpRequestMessage(HttpMethod.Post, route);
        request.Content = new ByteArrayContent(delivery.Body);
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(delivery.ContentType);
        if (!string.IsNullOrEmpty(delivery.TraceParent))
        {
            request.Headers.TryAddWithoutValidation(TraceContext.TraceParentHeader, delivery.TraceParent);
        }

        if (!string.IsNullOrEmpty(delivery.TraceState))
        {
            request.Headers.TryAddWithoutValidation(TraceContext.TraceStateHeader, delivery.TraceState);
        }

        AddAppToken(request);
        using var response = await _http.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        return new AppResponse((int)response.StatusCode, body);
    }

    public void Dispose() => _http.Dispose();

    private void AddAppToken(HttpRequestMessage request)
    {
        if (!string.IsNullOrEmpty(_options.AppApiToken))
        {
            request.Headers.TryAddWithoutValidation(ApiToken.HeaderName, _options.AppApiToken);
        }
    }
}
