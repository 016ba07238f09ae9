namespace Accreditation.Contracts;

/// <summary>
/// Which service publishes and which subscribe to each topic, written once. The Dapr component's
/// publishingScopes and subscriptionScopes (dapr/components/pubsub.yaml and the Helm chart) are
/// derived from this table and tests compare them with it; the services map exactly these
/// subscriptions. Equality-monitoring data reaches only the evaluation consumer (Reporting).
/// </summary>
public static class TopicRoutes
{
    private static readonly string[] AssessmentServices = [AppIds.Testing, AppIds.Observation, AppIds.Reporting];

    public static readonly IReadOnlyList<TopicRoute> All =
    [
        new(Topics.CandidateEnrolled, AppIds.Enrolment, AssessmentServices),
        new(Topics.CandidateEndorsed, AppIds.Enrolment, AssessmentServices),
        new(Topics.CandidateWithdrawn, AppIds.Enrolment, AssessmentServices),
        new(Topics.CandidateMoved, AppIds.Enrolment, AssessmentServices),
        new(Topics.EqualityMonitoringRecorded, AppIds.Enrolment, [AppIds.Reporting]),
        new(Topics.KnowledgeTestCompleted, AppIds.Testing, [AppIds.Reporting]),
        new(Topics.SimulatedPracticeCompleted, AppIds.Observation, [AppIds.Reporting]),
        new(Topics.AccreditationAwarded, AppIds.Reporting, [AppIds.Enrolment]),
        new(Topics.AccreditationRecorded, AppIds.Enrolment, [AppIds.Reporting]),
    ];

    /// <summary>Topics <paramref name="appId"/> publishes (its own events).</summary>
    public static IReadOnlyList<string> PublishedBy(string appId) =>
        All.Where(r => r.Publisher == appId).Select(r => r.Topic).ToList();

    /// <summary>Topics <paramref name="appId"/> subscribes to.</summary>
    public static IReadOnlyList<string> SubscribedBy(string appId) =>
        All.Where(r => r.Subscribers.Contains(appId)).Select(r => r.Topic).ToList();

    /// <summary>
    /// What the sidecar of <paramref name="appId"/> may publish: its own events and the dead-letter
    /// topics of its subscriptions (the sidecar publishes a dead letter on the app's behalf).
    /// </summary>
    public static IReadOnlyList<string> PublishingScope(string appId) =>
        [.. PublishedBy(appId), .. SubscribedBy(appId).Select(t => Topics.DeadLetterFor(appId, t))];

    /// <summary>The component's publishingScopes value: "app=topic,topic;app=...".</summary>
    public static string PublishingScopes() =>
        string.Join(';', AppIds.All.Select(app => $"{app}={string.Join(',', PublishingScope(app))}"));

    /// <summary>The component's subscriptionScopes value: "app=topic,topic;app=...".</summary>
    public static string SubscriptionScopes() =>
        string.Join(';', AppIds.All.Select(app => $"{app}={string.Join(',', SubscribedBy(app))}"));
}
