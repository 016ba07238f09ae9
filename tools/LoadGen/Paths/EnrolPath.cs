using Accreditation.LoadGen.Data;

namespace Accreditation.LoadGen.Paths;

/// <summary>EnrolCandidate: a new candidate per call (unique registration number and client request id), into the worker's authority.</summary>
public sealed class EnrolPath(PathContext context) : ILoadPath
{
    public string Name => "enrol";

    public Task PrepareAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task<long> CallAsync(int worker, CancellationToken cancellationToken)
    {
        await EnrolRequests.EnrolAsync(context, worker, PhaseOne.AuthorityOf(worker), cancellationToken);
        return 1;
    }
}
