using Accreditation.BuildingBlocks.Auth;
using Accreditation.Contracts.Observation.V1;
using Accreditation.Observation.Application;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;

namespace Accreditation.Observation.Api;

/// <summary>The assessor's scoring API: only sessions assigned to the token's subject.</summary>
[Authorize(Policy = ObservationPolicies.Assessor)]
public sealed class ScoringGrpcService(MarkingCommands commands) : ScoringService.ScoringServiceBase
{
    public override Task<ListAssignedSessionsResponse> ListAssignedSessions(ListAssignedSessionsRequest request, ServerCallContext context) =>
        commands.ListAssignedAsync(Caller.From(context));

    public override async Task<GetAssignedSessionResponse> GetAssignedSession(GetAssignedSessionRequest request, ServerCallContext context) =>
        new() { Session = await commands.GetAssignedAsync(Caller.From(context), request) };

    public override async Task<SaveScoresResponse> SaveScores(SaveScoresRequest request, ServerCallContext context) =>
        new() { Session = await commands.SaveScoresAsync(Caller.From(context), request) };

    public override async Task<SubmitScoresResponse> SubmitScores(SubmitScoresRequest request, ServerCallContext context) =>
        new() { Session = await commands.SubmitScoresAsync(Caller.From(context), request) };
}
