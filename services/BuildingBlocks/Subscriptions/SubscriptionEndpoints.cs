using Accreditation.Contracts;
using Dapr;
using Google.Protobuf;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Accreditation.BuildingBlocks.Subscriptions;

/// <summary>
/// Thin topic endpoints on the sidecar's app port: parse the protobuf JSON, hand the event to its
/// one handler, answer with Dapr's statuses. Unparseable or poison events are DROPped (to the
/// subscription's dead-letter topic); failures are retried (HTTP 500).
/// </summary>
public static partial class SubscriptionEndpoints
{
    /// <summary>Header Dapr.AspNetCore forwards the CloudEvent id in.</summary>
    public const string CloudEventIdHeader = "Cloudevent.id";

    private static readonly JsonParser Parser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(true));

    /// <summary>
    /// Maps the delivery endpoint of <paramref name="topic"/> with the app's own dead-letter topic.
    /// Only topics <see cref="TopicRoutes"/> says this app subscribes to may be mapped.
    /// </summary>
    public static IEndpointConventionBuilder MapSubscription<TEvent>(this IEndpointRouteBuilder endpoints, string topic)
        where TEvent : IMessage<TEvent>, new()
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var appId = endpoints.ServiceProvider.GetRequiredService<Hosting.ServiceIdentity>().AppId;
        if (!TopicRoutes.SubscribedBy(appId).Contains(topic))
        {
            throw new InvalidOperationException($"{appId} does not subscribe to {topic} in TopicRoutes; add it there first (the component's scopes derive from it)");
        }

        return endpoints.MapPost("/events/" + topic, async (HttpContext context) =>
            {
                var handler = context.RequestServices.GetRequiredService<IIntegrationEventConsumer<TEvent>>();
                var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SubscriptionEndpoints));
                return await DeliverAsync(context, handler, topic, logger);
            })
            .WithTopic(new TopicOptions
            {
                PubsubName = Topics.PubSubName,
                Name = topic,
                DeadLetterTopic = Topics.DeadLetterFor(appId, topic),
            });
    }

    private static async Task<IResult> DeliverAsync<TEvent>(HttpContext context, IIntegrationEventConsumer<TEvent> handler, string topic, ILogger logger)
        where TEvent : IMessage<TEvent>, new()
    {
        TEvent message;
        try
        {
            using var reader = new StreamReader(context.Request.Body);
            message = Parser.Parse<TEvent>(await reader.ReadToEndAsync(context.RequestAborted));
        }
        catch (Exception e) when (e is InvalidProtocolBufferException or InvalidJsonException or FormatException)
        {
            LogDropped(logger, e, topic);
            return Status("DROP");
        }

        var eventId = context.Request.Headers[CloudEventIdHeader].FirstOrDefault();
        if (string.IsNullOrEmpty(eventId))
        {
            eventId = message.Descriptor.FindFieldByName("event_id")?.Accessor.GetValue(message) as string;
        }

        if (string.IsNullOrEmpty(eventId))
        {
            LogNoId(logger, topic);
            return Status("DROP");
        }

        try
        {
            await handler.HandleAsync(eventId, message, context.RequestAborted);
            return Status("SUCCESS");
        }
        catch (PoisonEventException e)
        {
            LogPoison(logger, e, topic, eventId);
            return Status("DROP");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogRetry(logger, e, topic, eventId);
            return Results.Json(new DaprStatus("RETRY"), statusCode: StatusCodes.Status500InternalServerError);
        }
    }

    private static IResult Status(string status) => Results.Json(new DaprStatus(status));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dropping an unparseable event on {Topic} to its dead-letter topic")]
    private static partial void LogDropped(ILogger logger, Exception exception, string topic);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dropping an event without id on {Topic} to its dead-letter topic")]
    private static partial void LogNoId(ILogger logger, string topic);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dropping poison event {EventId} on {Topic} to its dead-letter topic")]
    private static partial void LogPoison(ILogger logger, Exception exception, string topic, string eventId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Event {EventId} on {Topic} failed; the sidecar will retry it")]
    private static partial void LogRetry(ILogger logger, Exception exception, string topic, string eventId);
}
