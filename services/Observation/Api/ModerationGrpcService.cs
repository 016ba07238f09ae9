using Accreditation.BuildingBlocks.Auth;
using Accreditation.Contracts.Observation.V1;
using Accreditation.Observation.Application;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;

namespace Accreditation.Observation.Api;

/// <summary>Moderation API.</summary>
[Authorize(Policy = ObservationPolicies.Moderator)]
public sealed class ModerationGrpcService(MarkingCommands commands) : ModerationService.ModerationServiceBase
{
    public override Task<ListModerationQueueResponse> ListModerationQueue(ListModerationQueueRequest request, ServerCallContext context) =>
        commands.ListQueueAsync(Caller.From(context));

    public override async Task<GetModerationCaseResponse> GetModerationCase(GetModerationCaseRequest request, ServerCallContext context) =>
        new() { Session = await commands.GetCaseAsync(Caller.From(context), request) };

    public override async Task<AssignSecondAssessorResponse> AssignSecondAssessor(AssignSecondAssessorRequest request, ServerCallContext context) =>
        new() { Session = await commands.AssignSecondAssessorAsync(Caller.From(context), request) };

    public override async Task<DecideModerationResponse> DecideModeration(DecideModerationRequest request, ServerCallContext context) =>
        new() { Session = await commands.DecideModerationAsync(Caller.From(context), request) };
}
