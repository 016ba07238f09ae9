using Accreditation.BuildingBlocks.Auth;
using Accreditation.Contracts.Observation.V1;
using Accreditation.Observation.Application;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;

namespace Accreditation.Observation.Api;

/// <summary>The assessor and actor registry API.</summary>
[Authorize(Policy = ObservationPolicies.ScenarioAdmin)]
public sealed class RegistryGrpcService(RegistryCommands commands) : RegistryService.RegistryServiceBase
{
    public override async Task<RegisterAssessorResponse> RegisterAssessor(RegisterAssessorRequest request, ServerCallContext context) =>
        new() { Assessor = await commands.RegisterAssessorAsync(Caller.From(context), request) };

    public override async Task<GetAssessorResponse> GetAssessor(GetAssessorRequest request, ServerCallContext context) =>
        new() { Assessor = await commands.GetAssessorAsync(request) };

    public override Task<ListAssessorsResponse> ListAssessors(ListAssessorsRequest request, ServerCallContext context) =>
        commands.ListAssessorsAsync();

    public override async Task<RegisterActorResponse> RegisterActor(RegisterActorRequest request, ServerCallContext context) =>
        new() { Actor = await commands.RegisterActorAsync(Caller.From(context), request) };

    public override Task<ListActorsResponse> ListActors(ListActorsRequest request, ServerCallContext context) =>
        commands.ListActorsAsync();
}
