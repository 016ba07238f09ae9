using Accreditation.Contracts.Reporting.V1;
using Accreditation.RegulatorReporting.Application;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;

namespace Accreditation.RegulatorReporting.Api;

/// <summary>The Department's evaluation API (also served as HTTP/JSON by gRPC JSON transcoding): aggregates only.</summary>
[Authorize(Policy = ReportingPolicies.Evaluation)]
public sealed class EvaluationGrpcService(EvaluationQueries queries) : EvaluationService.EvaluationServiceBase
{
    public override Task<GetStageFiguresResponse> GetStageFigures(GetStageFiguresRequest request, ServerCallContext context) =>
        queries.GetStageFiguresAsync(request);

    public override Task<GetGroupGapsResponse> GetGroupGaps(GetGroupGapsRequest request, ServerCallContext context) =>
        queries.GetGroupGapsAsync(request);
}
