namespace Accreditation.LoadGen.Paths;

/// <summary>One measured path: prepared once (data it reads), then called by every worker in a closed loop.</summary>
public interface ILoadPath
{
    string Name { get; }

    Task PrepareAsync(CancellationToken cancellationToken);

    /// <returns>Units of work the call did: 1 for a request; records for an export; numbers for a check.</returns>
    Task<long> CallAsync(int worker, CancellationToken cancellationToken);
}
