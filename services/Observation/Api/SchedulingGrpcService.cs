using Accreditation.BuildingBlocks.Auth;
using Accreditation.Contracts.Observation.V1;
using Accreditation.Observation.Application;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;

namespace Accreditation.Observation.Api;

/// <summary>Scheduling API for the assessment centre's booking system; it reaches only the sessions it scheduled.</summary>
[Authorize(Policy = ObservationPolicies.Scheduling)]
public sealed class SchedulingGrpcService(SchedulingCommands commands) : SchedulingService.SchedulingServiceBase
{
    public override async Task<ScheduleSessionResponse> ScheduleSession(ScheduleSessionRequest request, ServerCallContext context) =>
        new() { Session = await commands.ScheduleAsync(Caller.From(context), request) };

    public override async Task<RescheduleSessionResponse> RescheduleSession(RescheduleSessionRequest request, ServerCallContext context) =>
        new() { Session = await commands.RescheduleAsync(Caller.From(context), request) };

    public override async Task<CancelSessionResponse> CancelSession(CancelSessionRequest request, ServerCallContext context) =>
        new() { Session = await commands.CancelAsync(Caller.From(context), request) };

    public override async Task<GetSessionResponse> GetSession(GetSessionRequest request, ServerCallContext context) =>
        new() { Session = await commands.GetAsync(Caller.From(context), request) };

    public override Task<GetSessionOutcomeResponse> GetSessionOutcome(GetSessionOutcomeRequest request, ServerCallContext context) =>
        commands.GetOutcomeAsync(Caller.From(context), request);
}
