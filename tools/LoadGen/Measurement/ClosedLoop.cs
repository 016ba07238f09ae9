using System.Diagnostics;

namespace Accreditation.LoadGen.Measurement;

/// <summary>
/// Runs one path: <see cref="LoadShape.Concurrency"/> workers, each calling again as soon as its
/// call returns (closed loop), for the warm-up and then the window. A call counts when it
/// completes inside the window: its latency goes to the worker's histogram, or its error to the
/// worker's error counts (an error never counts as a request). CPU is sampled at the window's start
/// and end. After the window the workers finish their call in flight, which is not counted.
/// </summary>
public sealed class ClosedLoop(LoadShape shape, CpuSampler cpu)
{
    /// <summary>A call of the path by worker n: its units of work (1 for a plain request).</summary>
    public delegate Task<long> PathCall(int worker, CancellationToken cancellationToken);

    public async Task<PathMeasurement> RunAsync(string name, PathCall call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        var window = new Window();
        var tallies = Enumerable.Range(0, shape.Concurrency).Select(_ => new WorkerTally()).ToArray();
        var workers = Enumerable.Range(0, shape.Concurrency)
            .Select(w => Task.Run(() => WorkAsync(w, call, tallies[w], window, cancellationToken), cancellationToken))
            .ToArray();

        IReadOnlyDictionary<string, double?> used;
        try
        {
            await Task.Delay(shape.Warmup, cancellationToken);
            var before = cpu.Sample();
            window.Open(Stopwatch.GetTimestamp());
            await Task.Delay(shape.Window, cancellationToken);
            window.Close(Stopwatch.GetTimestamp());
            used = CpuSampler.Between(before, cpu.Sample());
        }
        finally
        {
            window.Stop();
            await Task.WhenAll(workers);
        }

        var total = new WorkerTally();
        foreach (var tally in tallies)
        {
            total.Add(tally);
        }

        return new PathMeasurement(name, total, window.Seconds, used);
    }

    private static async Task WorkAsync(int worker, PathCall call, WorkerTally tally, Window window, CancellationToken cancellationToken)
    {
        while (!window.Stopped && !cancellationToken.IsCancellationRequested)
        {
            var start = Stopwatch.GetTimestamp();
            long units = 0;
            Exception? error = null;
            try
            {
                units = await call(worker, cancellationToken);
            }
            catch (Exception) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                error = e;
            }

            var end = Stopwatch.GetTimestamp();
            if (!window.Holds(end))
            {
                continue;
            }

            if (error is null)
            {
                tally.Latency.Record((long)Stopwatch.GetElapsedTime(start, end).TotalMicroseconds);
                tally.Units += units;
            }
            else
            {
                tally.Error(error);
            }
        }
    }

    /// <summary>The measured window, in Stopwatch timestamps, as the workers read it.</summary>
    private sealed class Window
    {
        private long _from = long.MaxValue;
        private long _until = long.MaxValue;
        private volatile bool _stopped;

        public bool Stopped => _stopped;

        public double Seconds => _from == long.MaxValue || _until == long.MaxValue ? 0 : Stopwatch.GetElapsedTime(_from, _until).TotalSeconds;

        public void Open(long at) => Volatile.Write(ref _from, at);

        public void Close(long at) => Volatile.Write(ref _until, at);

        public void Stop() => _stopped = true;

        public bool Holds(long at) => at >= Volatile.Read(ref _from) && at < Volatile.Read(ref _until);
    }
}
