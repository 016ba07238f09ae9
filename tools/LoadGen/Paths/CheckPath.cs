using Accreditation.BuildingBlocks.Auth;
using Accreditation.Contracts.Reporting.V1;
using Grpc.Core;

namespace Accreditation.LoadGen.Paths;

/// <summary>The regulator's bulk CheckAccreditationStatuses of --check-batch (default 100, the most) registration numbers this run enrolled, from a random offset.</summary>
public sealed class CheckPath(PathContext context) : ILoadPath
{
    private readonly WorkerRandom _random = new(context.Shape.Concurrency);
    private string[] _numbers = [];

    public string Name => "check";

    public async Task PrepareAsync(CancellationToken cancellationToken)
    {
        await EnrolRequests.EnsurePoolAsync(context, Math.Max(context.SeedEnrolments, context.CheckBatch), cancellationToken);
        _numbers = [.. context.Pool.Snapshot().Select(e => e.RegistrationNumber)];
    }

    public async Task<long> CallAsync(int worker, CancellationToken cancellationToken)
    {
        var request = new CheckAccreditationStatusesRequest();
        var from = _random.Next(worker, _numbers.Length);
        for (var i = 0; i < context.CheckBatch; i++)
        {
            request.RegistrationNumbers.Add(_numbers[(from + i) % _numbers.Length]);
        }

        var client = new RegulatorService.RegulatorServiceClient(context.Channels.For(context.Targets.ReportingUrl, worker));
        var response = await client.CheckAccreditationStatusesAsync(
            request,
            new CallOptions(context.Tokens.For(Scopes.Regulator), cancellationToken: cancellationToken));
        return response.Statuses.Count;
    }
}
