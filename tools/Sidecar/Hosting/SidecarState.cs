using Accreditation.Sidecar.Subscriptions;

namespace Accreditation.Sidecar.Hosting;

/// <summary>Readiness as /v1.0/healthz reports it, and the subscriptions in force (for /v1.0/metadata).</summary>
public sealed class SidecarState
{
    private volatile bool _subscriptionsReady;
    private volatile IReadOnlyList<Subscription> _subscriptions = [];

    public bool SubscriptionsReady => _subscriptionsReady;

    public IReadOnlyList<Subscription> Subscriptions => _subscriptions;

    public void MarkSubscriptionsReady(IReadOnlyList<Subscription> subscriptions)
    {
        _subscriptions = subscriptions;
        _subscriptionsReady = true;
    }
}
