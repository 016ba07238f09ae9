using Accreditation.Contracts.Observation.V1;
using Accreditation.Observation.Application;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;

namespace Accreditation.Observation.Api;

/// <summary>The score audit trail API.</summary>
[Authorize(Policy = ObservationPolicies.Auditor)]
public sealed class ScoreAuditGrpcService(AuditQueries queries) : ScoreAuditService.ScoreAuditServiceBase
{
    public override Task<ListScoreAuditResponse> ListScoreAudit(ListScoreAuditRequest request, ServerCallContext context) =>
        queries.ListAsync(request);
}
