using Accreditation.BuildingBlocks.Auth;
using Accreditation.Contracts.Common.V1;
using Accreditation.Contracts.Enrolment.V1;
using Accreditation.LoadGen.Data;
using Grpc.Core;

namespace Accreditation.LoadGen.Paths;

/// <summary>ListEnrolments: the first page (--list-page, default 50) of the worker's authority, which holds this run's enrolments.</summary>
public sealed class ListPath(PathContext context) : ILoadPath
{
    public string Name => "list";

    public Task PrepareAsync(CancellationToken cancellationToken) =>
        EnrolRequests.EnsurePoolAsync(context, context.SeedEnrolments, cancellationToken);

    public async Task<long> CallAsync(int worker, CancellationToken cancellationToken)
    {
        var authority = PhaseOne.AuthorityOf(worker);
        var client = new EnrolmentService.EnrolmentServiceClient(context.Channels.For(context.Targets.EnrolmentUrl, worker));
        var response = await client.ListEnrolmentsAsync(
            new ListEnrolmentsRequest { Page = new PageRequest { PageSize = context.ListPageSize } },
            new CallOptions(context.Tokens.For(Scopes.EnrolmentHr, authority), cancellationToken: cancellationToken));
        return response.Enrolments.Count;
    }
}
