using Accreditation.Sidecar.CloudEvents;
using Accreditation.Sidecar.Configuration;
using Accreditation.Sidecar.Hosting;

namespace Accreditation.Sidecar.Api;

/// <summary>The HTTP API: publish for curl users and scripts, health, and a small metadata view.</summary>
public static class HttpApiEndpoints
{
    private const string MetadataQueryPrefix = "metadata.";

    public static IEndpointRouteBuilder MapSidecarHttpApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/v1.0/publish/{pubsub}/{**topic}", PublishAsync);
        endpoints.MapGet("/v1.0/healthz", HealthAsync);
        endpoints.MapGet("/v1.0/healthz/outbound", OutboundHealthAsync);
        endpoints.MapGet("/v1.0/metadata", Metadata);
        return endpoints;
    }

    private static async Task<IResult> PublishAsync(string pubsub, string topic, HttpRequest request, Publisher publisher)
    {
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, request.HttpContext.RequestAborted);
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in request.Query)
        {
            if (key.StartsWith(MetadataQueryPrefix, StringComparison.OrdinalIgnoreCase) && key.Length > MetadataQueryPrefix.Length)
            {
                metadata[key[MetadataQueryPrefix.Length..]] = value.ToString();
            }
        }

        var failure = await publisher.PublishAsync(new PublishMessage
        {
            PubSubName = pubsub,
            Topic = topic,
            Data = body.ToArray(),
            DataContentType = request.ContentType,
            Metadata = metadata,
            TraceParent = request.Headers["traceparent"].FirstOrDefault(),
            TraceState = request.Headers["tracestate"].FirstOrDefault(),
        });
        if (failure is null)
        {
            return Results.NoContent();
        }

        var status = failure.Kind switch
        {
            PublishError.PubSubNotFound => StatusCodes.Status404NotFound,
            PublishError.InvalidArgument => StatusCodes.Status400BadRequest,
            PublishError.Forbidden => StatusCodes.Status403Forbidden,
            _ => StatusCodes.Status500InternalServerError,
        };
        return Results.Json(new { errorCode = failure.ErrorCode, message = failure.Message }, statusCode: status);
    }

    private static async Task<IResult> HealthAsync(SidecarState state, PubSubRegistry registry) =>
        state.SubscriptionsReady && await registry.AllReachableAsync()
            ? Results.NoContent()
            : Results.StatusCode(StatusCodes.Status500InternalServerError);

    private static async Task<IResult> OutboundHealthAsync(PubSubRegistry registry) =>
        await registry.AllReachableAsync()
            ? Results.NoContent()
            : Results.StatusCode(StatusCodes.Status500InternalServerError);

    private static IResult Metadata(SidecarOptions options, SidecarState state, PubSubRegistry registry) =>
        Results.Json(new
        {
            id = options.AppId,
            runtimeVersion = "stand-in",
            components = registry.All.Select(b => new { name = b.Component.Name, type = "pubsub.redis", version = "v1" }),
            subscriptions = state.Subscriptions.Select(s => new
            {
                pubsubname = s.PubSubName,
                topic = s.Topic,
                route = s.Route,
                deadLetterTopic = s.DeadLetterTopic,
                metadata = s.Metadata,
            }),
        });
}
