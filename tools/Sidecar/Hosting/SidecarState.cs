namespace Accreditation.Sidecar.Hosting;

/// <summary>Readiness as /v1.0/healthz reports it: ready once subscriptions are read and consumers run.</summary>
public sealed class SidecarState
{
    private volatile bool _subscriptionsReady;

    public bool SubscriptionsReady => _subscriptionsReady;

    public void MarkSubscriptionsReady() => _subscriptionsReady = true;
}
