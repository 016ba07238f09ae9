using Accreditation.BuildingBlocks.Auth;
using Accreditation.Contracts.Enrolment.V1;
using Accreditation.LoadGen.Data;
using Grpc.Core;

namespace Accreditation.LoadGen.Paths;

/// <summary>GetEnrolment of a random enrolment this run created, as its authority.</summary>
public sealed class GetPath(PathContext context) : ILoadPath
{
    private readonly WorkerRandom _random = new(context.Shape.Concurrency);
    private CreatedEnrolment[] _enrolments = [];

    public string Name => "get";

    public async Task PrepareAsync(CancellationToken cancellationToken)
    {
        await EnrolRequests.EnsurePoolAsync(context, context.SeedEnrolments, cancellationToken);
        _enrolments = context.Pool.Snapshot();
    }

    public async Task<long> CallAsync(int worker, CancellationToken cancellationToken)
    {
        var enrolment = _enrolments[_random.Next(worker, _enrolments.Length)];
        var client = new EnrolmentService.EnrolmentServiceClient(context.Channels.For(context.Targets.EnrolmentUrl, worker));
        await client.GetEnrolmentAsync(
            new GetEnrolmentRequest { EnrolmentId = enrolment.EnrolmentId },
            new CallOptions(context.Tokens.For(Scopes.EnrolmentHr, enrolment.Authority), cancellationToken: cancellationToken));
        return 1;
    }
}
