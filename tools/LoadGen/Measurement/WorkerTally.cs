using Grpc.Core;

namespace Accreditation.LoadGen.Measurement;

/// <summary>One worker's counts over the window: its own histogram and error counts, merged at the end.</summary>
public sealed class WorkerTally
{
    public LatencyHistogram Latency { get; } = new();

    /// <summary>Units of work the successful calls did: 1 per call, or records for an export, numbers for a check.</summary>
    public long Units { get; set; }

    public long Errors { get; private set; }

    public Dictionary<string, long> ErrorsByKind { get; } = new(StringComparer.Ordinal);

    /// <summary>The first error of each kind, as it read.</summary>
    public Dictionary<string, string> FirstErrors { get; } = new(StringComparer.Ordinal);

    public void Error(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var (kind, message) = exception is RpcException rpc
            ? (rpc.StatusCode.ToString(), rpc.Status.Detail)
            : (exception.GetType().Name, exception.Message);
        Errors++;
        ErrorsByKind[kind] = ErrorsByKind.GetValueOrDefault(kind) + 1;
        FirstErrors.TryAdd(kind, message);
    }

    public void Add(WorkerTally other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Latency.Add(other.Latency);
        Units += other.Units;
        Errors += other.Errors;
        foreach (var (kind, count) in other.ErrorsByKind)
        {
            ErrorsByKind[kind] = ErrorsByKind.GetValueOrDefault(kind) + count;
        }

        foreach (var (kind, message) in other.FirstErrors)
        {
            FirstErrors.TryAdd(kind, message);
        }
    }
}
