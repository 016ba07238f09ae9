namespace Accreditation.Contracts;

/// <summary>Pub/sub component and topic names of the integration events in protos/accreditation/events.</summary>
public static class Topics
{
    /// <summary>The Dapr pub/sub component every service publishes and subscribes through.</summary>
    public const string PubSubName = "pubsub";

    public const string CandidateEnrolled = "enrolment.candidate-enrolled";
    public const string CandidateEndorsed = "enrolment.candidate-endorsed";
    public const string CandidateWithdrawn = "enrolment.candidate-withdrawn";
    public const string CandidateMoved = "enrolment.candidate-moved";
    public const string EqualityMonitoringRecorded = "enrolment.equality-monitoring-recorded";
    public const string KnowledgeTestCompleted = "testing.knowledge-test-completed";
    public const string SimulatedPracticeCompleted = "observation.simulated-practice-completed";
    public const string AccreditationAwarded = "reporting.accreditation-awarded";
    public const string AccreditationRecorded = "enrolment.accreditation-recorded";

    /// <summary>
    /// The dead-letter topic the sidecar of <paramref name="appId"/> moves that app's undeliverable
    /// messages of <paramref name="topic"/> to: one per subscriber, so a replay reaches the others
    /// only as a duplicate they ignore, and an operator sees whose deliveries failed.
    /// </summary>
    public static string DeadLetterFor(string appId, string topic) => $"{appId}.{topic}.deadletter";
}
