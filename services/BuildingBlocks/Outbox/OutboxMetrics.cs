using System.Diagnostics.Metrics;
using Accreditation.BuildingBlocks.Telemetry;

namespace Accreditation.BuildingBlocks.Outbox;

/// <summary>Outbox instruments (meter "Accreditation.Outbox"): entries published and publish rounds that failed.</summary>
public sealed class OutboxMetrics : IDisposable
{
    public const string MeterName = TelemetryExtensions.SourcePrefix + "Outbox";

    private readonly Meter _meter;

    public OutboxMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        _meter = meters.Create(MeterName);
        Published = _meter.CreateCounter<long>("accreditation.outbox.published", "{event}", "Outbox entries the sidecar accepted");
        FailedRounds = _meter.CreateCounter<long>("accreditation.outbox.failed_rounds", "{round}", "Dispatch rounds that stopped on a publish failure");
    }

    public Counter<long> Published { get; }

    public Counter<long> FailedRounds { get; }

    public void Dispose() => _meter.Dispose();
}
