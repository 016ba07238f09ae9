using System.Diagnostics.Metrics;
using Accreditation.BuildingBlocks.Telemetry;

namespace Accreditation.BuildingBlocks.Outbox;

/// <summary>
/// Outbox instruments (meter "Accreditation.Outbox"): entries published, refused and parked, publish
/// rounds that failed, and gauges of the backlog (pending and parked entries, age of the oldest
/// pending entry) as the dispatcher last saw them.
/// </summary>
public sealed class OutboxMetrics : IDisposable
{
    public const string MeterName = TelemetryExtensions.SourcePrefix + "Outbox";

    private readonly Meter _meter;
    private long _pending;
    private long _parked;
    private double _oldestAgeSeconds;

    public OutboxMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        _meter = meters.Create(MeterName);
        Published = _meter.CreateCounter<long>("accreditation.outbox.published", "{event}", "Outbox entries the sidecar accepted");
        FailedRounds = _meter.CreateCounter<long>("accreditation.outbox.failed_rounds", "{round}", "Dispatch rounds that stopped on a transient publish failure");
        Refused = _meter.CreateCounter<long>("accreditation.outbox.refused", "{event}", "Publishes the sidecar refused for good");
        Parked = _meter.CreateCounter<long>("accreditation.outbox.parked", "{event}", "Entries moved to the parked set");
        _meter.CreateObservableGauge("accreditation.outbox.pending", () => Interlocked.Read(ref _pending), "{event}", "Entries waiting to be published");
        _meter.CreateObservableGauge("accreditation.outbox.parked_entries", () => Interlocked.Read(ref _parked), "{event}", "Entries parked for an operator");
        _meter.CreateObservableGauge("accreditation.outbox.oldest_pending_age", () => Volatile.Read(ref _oldestAgeSeconds), "s", "Age of the oldest pending entry (0 when none)");
    }

    public Counter<long> Published { get; }

    public Counter<long> FailedRounds { get; }

    public Counter<long> Refused { get; }

    public Counter<long> Parked { get; }

    /// <summary>Age of the oldest pending entry when last observed, in seconds.</summary>
    public double OldestPendingAgeSeconds => Volatile.Read(ref _oldestAgeSeconds);

    /// <summary>Records what the dispatcher last saw of the backlog.</summary>
    public void Observe(long pending, long parked, TimeSpan oldestAge)
    {
        Interlocked.Exchange(ref _pending, pending);
        Interlocked.Exchange(ref _parked, parked);
        Volatile.Write(ref _oldestAgeSeconds, Math.Max(0, oldestAge.TotalSeconds));
    }

    public void Dispose() => _meter.Dispose();
}
