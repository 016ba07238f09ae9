using Accreditation.BuildingBlocks.Auth;
using Accreditation.Contracts.Reporting.V1;
using Accreditation.LoadGen.Data;
using Grpc.Core;

namespace Accreditation.LoadGen.Paths;

/// <summary>The regulator's GetAccreditationStatus of a random registration number this run enrolled.</summary>
public sealed class StatusPath(PathContext context) : ILoadPath
{
    private readonly WorkerRandom _random = new(context.Shape.Concurrency);
    private CreatedEnrolment[] _enrolments = [];

    public string Name => "status";

    public async Task PrepareAsync(CancellationToken cancellationToken)
    {
        await EnrolRequests.EnsurePoolAsync(context, context.SeedEnrolments, cancellationToken);
        _enrolments = context.Pool.Snapshot();
    }

    public async Task<long> CallAsync(int worker, CancellationToken cancellationToken)
    {
        var number = _enrolments[_random.Next(worker, _enrolments.Length)].RegistrationNumber;
        var client = new RegulatorService.RegulatorServiceClient(context.Channels.For(context.Targets.ReportingUrl, worker));
        await client.GetAccreditationStatusAsync(
            new GetAccreditationStatusRequest { RegistrationNumber = number },
            new CallOptions(context.Tokens.For(Scopes.Regulator), cancellationToken: cancellationToken));
        return 1;
    }
}
