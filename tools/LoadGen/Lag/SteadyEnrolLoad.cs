using System.Diagnostics;
using Accreditation.LoadGen.Data;
using Accreditation.LoadGen.Measurement;
using Accreditation.LoadGen.Paths;

namespace Accreditation.LoadGen.Lag;

/// <summary>
/// Enrolments at a steady rate (open loop: issued on schedule, whether or not earlier ones have
/// returned, at most <see cref="MaxInFlight"/> at once) over the run's channels, while lag is measured.
/// </summary>
public sealed class SteadyEnrolLoad(PathContext context, double perSecond)
{
    public const int MaxInFlight = 4_096;
    public static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(10);

    private readonly WorkerTally _tally = new();
    private long _issued;
    private int _inFlight;

    public long Issued => Interlocked.Read(ref _issued);

    public WorkerTally Tally
    {
        get
        {
            lock (_tally)
            {
                return _tally;
            }
        }
    }

    /// <summary>Issues enrolments until cancelled, then waits for those in flight.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (perSecond <= 0)
        {
            return;
        }

        var calls = new List<Task>();
        var start = Stopwatch.GetTimestamp();
        using var timer = new PeriodicTimer(Tick);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                var due = (long)(Stopwatch.GetElapsedTime(start).TotalSeconds * perSecond) - _issued;
                for (var i = 0; i < due && Volatile.Read(ref _inFlight) < MaxInFlight; i++)
                {
                    var worker = (int)(Interlocked.Increment(ref _issued) % context.Shape.Concurrency);
                    Interlocked.Increment(ref _inFlight);
                    calls.Add(EnrolAsync(worker));
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }

        await Task.WhenAll(calls);
    }

    private async Task EnrolAsync(int worker)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            await EnrolRequests.EnrolAsync(context, worker, PhaseOne.AuthorityOf(worker), CancellationToken.None);
            lock (_tally)
            {
                _tally.Latency.Record((long)Stopwatch.GetElapsedTime(start).TotalMicroseconds);
                _tally.Units++;
            }
        }
        catch (Exception e)
        {
            lock (_tally)
            {
                _tally.Error(e);
            }
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }
}
