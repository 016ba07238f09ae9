using Accreditation.Contracts.Reporting.V1;
using Accreditation.RegulatorReporting.Application;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;

namespace Accreditation.RegulatorReporting.Api;

/// <summary>The regulator's API (also served as HTTP/JSON by gRPC JSON transcoding).</summary>
[Authorize(Policy = ReportingPolicies.Regulator)]
public sealed class RegulatorGrpcService(RegulatorQueries queries) : RegulatorService.RegulatorServiceBase
{
    public override async Task<GetAccreditationStatusResponse> GetAccreditationStatus(GetAccreditationStatusRequest request, ServerCallContext context) =>
        new() { Status = await queries.GetStatusAsync(request) };

    public override async Task<CheckAccreditationStatusesResponse> CheckAccreditationStatuses(CheckAccreditationStatusesRequest request, ServerCallContext context) =>
        new() { Statuses = { await queries.CheckAsync(request) } };

    public override Task<ListRegisterEntriesResponse> ListRegisterEntries(ListRegisterEntriesRequest request, ServerCallContext context) =>
        queries.ListAsync(request);

    public override Task StreamRegisterChanges(StreamRegisterChangesRequest request, IServerStreamWriter<StreamRegisterChangesResponse> responseStream, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(responseStream);
        ArgumentNullException.ThrowIfNull(context);
        return queries.StreamChangesAsync(request, m => responseStream.WriteAsync(m, context.CancellationToken), context.CancellationToken);
    }

    public override Task ExportRegister(ExportRegisterRequest request, IServerStreamWriter<ExportRegisterResponse> responseStream, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(responseStream);
        ArgumentNullException.ThrowIfNull(context);
        return queries.ExportAsync(m => responseStream.WriteAsync(m, context.CancellationToken));
    }
}
