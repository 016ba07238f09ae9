namespace Accreditation.Sidecar.Hosting;

/// <summary>The stand-in's log messages (structured, source-generated).</summary>
public static partial class SidecarLog
{
    [LoggerMessage(1, LogLevel.Debug, "Published to {PubSub}/{Topic} as stream entry {EntryId}")]
    public static partial void Published(ILogger logger, string pubSub, string topic, string entryId);

    [LoggerMessage(2, LogLevel.Error, "Publishing to {PubSub}/{Topic} failed")]
    public static partial void PublishFailed(ILogger logger, Exception exception, string pubSub, string topic);

    [LoggerMessage(3, LogLevel.Information, "Subscribed {PubSub}/{Topic} -> {Route} (dead letter: {DeadLetterTopic}, consumer group {Group})")]
    public static partial void Subscribed(ILogger logger, string pubSub, string topic, string route, string deadLetterTopic, string group);

    [LoggerMessage(4, LogLevel.Warning, "Subscription: {Warning}")]
    public static partial void SubscriptionWarning(ILogger logger, string warning);

    [LoggerMessage(5, LogLevel.Warning, "The app subscribes to {Topic} on pubsub {PubSub}, which is not a loaded pubsub.redis component; skipped")]
    public static partial void UnknownPubSub(ILogger logger, string pubSub, string topic);

    [LoggerMessage(6, LogLevel.Information, "Waiting for the app at {Host}:{Port} to answer /dapr/subscribe ({Reason})")]
    public static partial void WaitingForApp(ILogger logger, string host, int port, string reason);

    [LoggerMessage(7, LogLevel.Error, "The app's /dapr/subscribe answer is not a valid subscription list; no subscriptions")]
    public static partial void BadSubscriptions(ILogger logger, Exception exception);

    [LoggerMessage(8, LogLevel.Warning, "Reading or claiming from stream {Topic} failed; trying again")]
    public static partial void ReadFailed(ILogger logger, Exception exception, string topic);

    [LoggerMessage(9, LogLevel.Debug, "Delivered {Topic}/{EntryId} (event {EventId}) to {Route} on attempt {Attempt}")]
    public static partial void Delivered(ILogger logger, string topic, string entryId, string? eventId, string route, int attempt);

    [LoggerMessage(10, LogLevel.Warning, "Delivery of {Topic}/{EntryId} (event {EventId}) attempt {Attempt} of {MaxAttempts} failed: {Detail}")]
    public static partial void AttemptFailed(ILogger logger, string topic, string entryId, string? eventId, int attempt, int maxAttempts, string detail);

    [LoggerMessage(11, LogLevel.Warning, "{Topic}/{EntryId} (event {EventId}) moved to dead-letter topic {DeadLetterTopic}: {Reason}")]
    public static partial void DeadLettered(ILogger logger, string topic, string entryId, string? eventId, string deadLetterTopic, string reason);

    [LoggerMessage(12, LogLevel.Warning, "{Topic}/{EntryId} (event {EventId}) dropped by the app and no dead-letter topic is set: {Detail}")]
    public static partial void DroppedWithoutDeadLetter(ILogger logger, string topic, string entryId, string? eventId, string detail);

    [LoggerMessage(13, LogLevel.Error, "{Topic}/{EntryId} not delivered ({Reason}) and no dead-letter topic is set: left pending, redelivered after processingTimeout {ProcessingTimeout}")]
    public static partial void LeftPending(ILogger logger, string topic, string entryId, string reason, TimeSpan processingTimeout);

    [LoggerMessage(14, LogLevel.Information, "Stopping: {Topic}/{EntryId} left pending for redelivery")]
    public static partial void LeftPendingOnStop(ILogger logger, string topic, string entryId);

    [LoggerMessage(15, LogLevel.Error, "Recording the outcome of {Topic}/{EntryId} failed; it stays pending and is delivered again")]
    public static partial void SettleFailed(ILogger logger, Exception exception, string topic, string entryId);

    [LoggerMessage(16, LogLevel.Error, "{Topic}/{EntryId} cannot be delivered: {Error}")]
    public static partial void Undeliverable(ILogger logger, string topic, string entryId, string error);

    [LoggerMessage(17, LogLevel.Warning, "{Topic}/{EntryId} (event {EventId}) expired at {Expiration} and the subscription has no dead-letter topic; dropped without delivery")]
    public static partial void Expired(ILogger logger, string topic, string entryId, string? eventId, string? expiration);

    [LoggerMessage(28, LogLevel.Warning, "{Topic}/{EntryId} (event {EventId}) expired at {Expiration}; not delivered, moved to dead-letter topic {DeadLetterTopic}")]
    public static partial void ExpiredDeadLettered(ILogger logger, string topic, string entryId, string? eventId, string? expiration, string deadLetterTopic);

    [LoggerMessage(18, LogLevel.Information, "Reclaimed idle pending entry {Topic}/{EntryId}")]
    public static partial void Reclaimed(ILogger logger, string topic, string entryId);

    [LoggerMessage(19, LogLevel.Warning, "Resources: {Warning}")]
    public static partial void ResourceWarning(ILogger logger, string warning);

    [LoggerMessage(20, LogLevel.Information, "Sidecar stand-in for app {AppId}: gRPC on {GrpcPort}, HTTP on {HttpPort}, app port {AppPort}, pubsub {PubSub} at {RedisHost} (processingTimeout {ProcessingTimeout}, redeliverInterval {RedeliverInterval}, delivery timeout {DeliveryTimeout}, retries {Retries}, {Policy} backoff {Backoff})")]
    public static partial void Started(ILogger logger, string appId, int grpcPort, int httpPort, int? appPort, string pubSub, string redisHost, TimeSpan processingTimeout, TimeSpan redeliverInterval, TimeSpan deliveryTimeout, int retries, string policy, TimeSpan backoff);

    [LoggerMessage(22, LogLevel.Warning, "Publishing to {PubSub}/{Topic} refused: the component's topic scopes do not allow it for app id {AppId}")]
    public static partial void PublishForbidden(ILogger logger, string pubSub, string topic, string appId);

    [LoggerMessage(23, LogLevel.Warning, "The app subscribes to {PubSub}/{Topic}, which the component's subscriptionScopes/allowedTopics do not allow for app id {AppId}; not subscribed (no consumer group, nothing delivered)")]
    public static partial void SubscriptionForbidden(ILogger logger, string pubSub, string topic, string appId);

    [LoggerMessage(24, LogLevel.Warning, "The dead-letter topic {DeadLetterTopic} of {PubSub}/{Topic} is outside the component's publishingScopes/allowedTopics for app id {AppId}: dead-lettering will be refused, as in daprd")]
    public static partial void DeadLetterTopicForbidden(ILogger logger, string pubSub, string topic, string deadLetterTopic, string appId);

    [LoggerMessage(25, LogLevel.Error, "{Topic}/{EntryId} (event {EventId}) cannot go to dead-letter topic {DeadLetterTopic}: the topic scopes do not let app id {AppId} publish there; {Consequence}")]
    public static partial void DeadLetterForbidden(ILogger logger, string topic, string entryId, string? eventId, string deadLetterTopic, string appId, string consequence);

    [LoggerMessage(26, LogLevel.Warning, "pubsub {PubSub}: processingTimeout {ProcessingTimeout} is NOT longer than its inbound retry schedule (up to {ScheduleLength} of waits over {Retries} retries, plus the app's time to answer each attempt). daprd, or another instance sharing consumer group {Group}, reclaims an entry pending longer than processingTimeout and delivers it again while the first delivery is still being retried: the same event reaches the app twice at once. Raise processingTimeout above {ScheduleLength} plus the answer times, or shorten the retry policy")]
    public static partial void ProcessingTimeoutTooShort(ILogger logger, string pubSub, TimeSpan processingTimeout, TimeSpan scheduleLength, int retries, string group);

    [LoggerMessage(27, LogLevel.Debug, "{Topic}/{EntryId} has been pending longer than processingTimeout but this instance is still delivering it; not reclaimed")]
    public static partial void ReclaimSkippedInFlight(ILogger logger, string topic, string entryId);

    [LoggerMessage(21, LogLevel.Error, "Delivering {Topic}/{EntryId} failed unexpectedly; it stays pending and is delivered again")]
    public static partial void DispatchCrashed(ILogger logger, Exception exception, string topic, string entryId);
}
