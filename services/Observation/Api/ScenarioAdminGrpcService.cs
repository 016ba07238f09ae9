using Accreditation.BuildingBlocks.Auth;
using Accreditation.Contracts.Observation.V1;
using Accreditation.Observation.Application;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;

namespace Accreditation.Observation.Api;

/// <summary>Scenario administration API.</summary>
[Authorize(Policy = ObservationPolicies.ScenarioAdmin)]
public sealed class ScenarioAdminGrpcService(ScenarioCommands commands) : ScenarioAdminService.ScenarioAdminServiceBase
{
    public override Task<ImportScenariosResponse> ImportScenarios(ImportScenariosRequest request, ServerCallContext context) =>
        commands.ImportAsync(Caller.From(context), request);

    public override async Task<RetireScenarioResponse> RetireScenario(RetireScenarioRequest request, ServerCallContext context) =>
        new() { Scenario = await commands.RetireAsync(request) };

    public override async Task<GetScenarioResponse> GetScenario(GetScenarioRequest request, ServerCallContext context) =>
        new() { Scenario = await commands.GetAsync(request) };

    public override Task<ListScenariosResponse> ListScenarios(ListScenariosRequest request, ServerCallContext context) =>
        commands.ListAsync(request);

    public override Task<ListKssStatementsResponse> ListKssStatements(ListKssStatementsRequest request, ServerCallContext context) =>
        Task.FromResult(commands.ListStatements(request));
}
