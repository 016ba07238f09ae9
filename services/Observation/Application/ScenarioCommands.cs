using Accreditation.AssessmentRules.Kss;
using Accreditation.BuildingBlocks.Auth;
using Accreditation.BuildingBlocks.Errors;
using Accreditation.BuildingBlocks.Idempotency;
using Accreditation.BuildingBlocks.Validation;
using Accreditation.Contracts.Observation.V1;
using Accreditation.Observation.Domain;
using Accreditation.Observation.Infrastructure;
using Google.Protobuf;
using StackExchange.Redis;
using Role = Accreditation.Contracts.Common.V1.Role;

namespace Accreditation.Observation.Application;

/// <summary>Scenario administration: all-or-nothing import with every problem reported, retirement, reads.</summary>
public sealed class ScenarioCommands(ScenarioRepository scenarios, CommandLog commandLog, KssCatalog kss)
{
    public async Task<ImportScenariosResponse> ImportAsync(Caller caller, ImportScenariosRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var command = ObservationCommandKeys.For(caller, nameof(ImportAsync), request.ClientRequestId, request);
        var imported = await commandLog.RunOnceAsync(command, async () =>
        {
            var existing = new Dictionary<string, (Scenario? Scenario, RedisValue Latest)>(StringComparer.Ordinal);
            foreach (var id in request.Scenarios.Select(s => s.ScenarioId).Where(ScenarioImportValidator.IsValidId).Distinct(StringComparer.Ordinal))
            {
                existing[id] = await scenarios.GetLatestAsync(id);
            }

            var problems = ScenarioImportValidator.Validate(request, kss, id => existing.TryGetValue(id, out var e) ? e.Scenario : null);
            if (problems.Count > 0)
            {
                throw new ValidationException(problems);
            }

            var response = new ImportScenariosResponse();
            var versions = new List<(Scenario, RedisValue)>();
            foreach (var draft in request.Scenarios)
            {
                var (latest, token) = existing[draft.ScenarioId];
                if (ScenarioChange.NextVersion(draft, latest) is not { } next)
                {
                    response.Unchanged++;
                    continue;
                }

                versions.Add((next, token));
                if (latest is null)
                {
                    response.Created++;
                }
                else
                {
                    response.NewVersions++;
                }
            }

            var answer = response.ToByteArray();
            return await scenarios.ImportAsync(versions, command, answer) ? answer : null;
        });
        return ImportScenariosResponse.Parser.ParseFrom(imported);
    }

    public async Task<Scenario> RetireAsync(RetireScenarioRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var id = Require.Id("scenario_id", request.ScenarioId);
        if ((await scenarios.GetLatestAsync(id)).Scenario is null)
        {
            throw new NotFoundException($"scenario {id} does not exist", "scenario_id");
        }

        await scenarios.RetireAsync(id);
        return (await scenarios.GetLatestAsync(id)).Scenario!;
    }

    public async Task<Scenario> GetAsync(GetScenarioRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var id = Require.Id("scenario_id", request.ScenarioId);
        if (request.Version < 0)
        {
            throw new ValidationException("version", "must be 0 (latest) or a version number");
        }

        var scenario = request.Version == 0 ? (await scenarios.GetLatestAsync(id)).Scenario : await scenarios.GetVersionAsync(id, request.Version);
        return scenario ?? throw new NotFoundException($"scenario {id} (version {request.Version}) does not exist", "scenario_id");
    }

    public async Task<ListScenariosResponse> ListAsync(ListScenariosRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        Require.AssessedRole("role", request.Role);
        if (!System.Enum.IsDefined(request.Kind))
        {
            throw new ValidationException("kind", "is not a component kind");
        }

        var response = new ListScenariosResponse();
        response.Scenarios.AddRange((await scenarios.ListAsync(request.Role)).Where(s => request.Kind == ComponentKind.Unspecified || s.Kind == request.Kind));
        return response;
    }

    public ListKssStatementsResponse ListStatements(ListKssStatementsRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Role != Role.Unspecified)
        {
            Require.AssessedRole("role", request.Role);
        }

        var response = new ListKssStatementsResponse();
        response.Statements.AddRange((request.Role == Role.Unspecified ? kss.All : kss.For(request.Role)).Select(s => new KssStatement { Role = s.Role, Number = s.Number, Title = s.Title }));
        return response;
    }
}
