namespace Accreditation.Sidecar.Subscriptions;

/// <summary>What an app's /dapr/subscribe answer yielded, with what had to be skipped and why.</summary>
public sealed record SubscriptionList(IReadOnlyList<Subscription> Subscriptions, IReadOnlyList<string> Warnings);
