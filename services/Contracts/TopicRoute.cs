namespace Accreditation.Contracts;

/// <summary>One topic, the one app that publishes it and the apps that subscribe to it.</summary>
public sealed record TopicRoute(string Topic, string Publisher, IReadOnlyList<string> Subscribers);
