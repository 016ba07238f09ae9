namespace Accreditation.LoadGen.Paths;

/// <summary>A random per worker (workers never share one), for picking what to read.</summary>
public sealed class WorkerRandom(int workers)
{
    private readonly Random[] _randoms = [.. Enumerable.Range(0, workers).Select(w => new Random(unchecked((w + 1) * 7_919)))];

    public int Next(int worker, int below) => _randoms[worker % _randoms.Length].Next(below);
}
