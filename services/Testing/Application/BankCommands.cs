using Accreditation.AssessmentRules.Kss;
using Accreditation.BuildingBlocks.Auth;
using Accreditation.BuildingBlocks.Errors;
using Accreditation.BuildingBlocks.Idempotency;
using Accreditation.BuildingBlocks.Validation;
using Accreditation.Contracts.Testing.V1;
using Accreditation.Testing.Domain;
using Accreditation.Testing.Infrastructure;
using Google.Protobuf;
using StackExchange.Redis;
using Role = Accreditation.Contracts.Common.V1.Role;

namespace Accreditation.Testing.Application;

/// <summary>Bank administration: all-or-nothing import with every problem reported, retirement, reads.</summary>
public sealed class BankCommands(BankRepository bank, CommandLog commandLog, KssCatalog kss)
{
    private const int MaxPageSize = 500;

    public async Task<ImportItemsResponse> ImportAsync(Caller caller, ImportItemsRequest request)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        var command = CommandKey.For(caller, nameof(ImportAsync), request.ClientRequestId, request);
        var imported = await commandLog.RunOnceAsync(command, async () =>
        {
            var existingItems = new Dictionary<string, (Item? Item, RedisValue Latest)>(StringComparer.Ordinal);
            foreach (var id in request.Items.Select(i => i.ItemId).Where(BankImportValidator.IsValidId).Distinct(StringComparer.Ordinal))
            {
                existingItems[id] = await bank.GetLatestItemAsync(id);
            }

            var existingScenarios = new Dictionary<string, CaseScenario?>(StringComparer.Ordinal);
            foreach (var id in request.Scenarios.Select(s => s.ScenarioId).Concat(request.Items.Select(i => i.ScenarioId)).Where(BankImportValidator.IsValidId).Distinct(StringComparer.Ordinal))
            {
                existingScenarios[id] = await bank.GetScenarioAsync(id);
            }

            var problems = BankImportValidator.Validate(
                request,
                kss,
                id => existingScenarios.GetValueOrDefault(id),
                id => existingItems.TryGetValue(id, out var e) ? e.Item : null);
            if (problems.Count > 0)
            {
                throw new ValidationException(problems);
            }

            var response = new ImportItemsResponse();
            var scenarios = new List<CaseScenario>();
            foreach (var draft in request.Scenarios)
            {
                var latest = existingScenarios.GetValueOrDefault(draft.ScenarioId);
                var next = draft.Clone();
                next.Version = latest?.Version ?? 0;
                if (latest is not null && next.Equals(latest))
                {
                    continue;
                }

                next.Version = (latest?.Version ?? 0) + 1;
                scenarios.Add(next);
                response.ScenariosImported++;
            }

            var items = new List<(Item, RedisValue)>();
            foreach (var draft in request.Items)
            {
                var (latest, token) = existingItems[draft.ItemId];
                if (BankItemChange.NextVersion(draft, latest) is not { } next)
                {
                    response.Unchanged++;
                    continue;
                }

                items.Add((next, token));
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
            return await bank.ImportAsync(items, scenarios, command, answer) ? answer : null;
        });
        return ImportItemsResponse.Parser.ParseFrom(imported);
    }

    public async Task<Item> RetireAsync(RetireItemRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var id = Require.Id("item_id", request.ItemId);
        if ((await bank.GetLatestItemAsync(id)).Item is null)
        {
            throw new NotFoundException($"item {id} is not in the bank", "item_id");
        }

        await bank.RetireAsync(id);
        return (await bank.GetLatestItemAsync(id)).Item!;
    }

    public async Task<Item> GetAsync(GetItemRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var id = Require.Id("item_id", request.ItemId);
        if (request.Version < 0)
        {
            throw new ValidationException("version", "must be 0 (latest) or a version number");
        }

        var item = request.Version == 0 ? (await bank.GetLatestItemAsync(id)).Item : await bank.GetItemVersionAsync(id, request.Version);
        return item ?? throw new NotFoundException($"item {id} (version {request.Version}) is not in the bank", "item_id");
    }

    public async Task<ListItemsResponse> ListAsync(ListItemsRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        Require.AssessedRole("role", request.Role);

        var size = request.Page?.PageSize ?? 0;
        if (size is < 0 or > MaxPageSize)
        {
            throw new ValidationException("page.page_size", $"must be between 0 and {MaxPageSize}");
        }

        var after = request.Page?.PageToken ?? "";
        if (after.Length > 0 && !Require.IsId(after))
        {
            throw new ValidationException("page.page_token", "is not a page token this service issued");
        }

        var (items, last) = await bank.ListAsync(request.Role, after, size == 0 ? 100 : size);
        var response = new ListItemsResponse { NextPageToken = last ?? "" };
        response.Items.AddRange(items);
        return response;
    }

    public ListKssStatementsResponse ListStatements(ListKssStatementsRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var response = new ListKssStatementsResponse();
        response.Statements.AddRange((request.Role == Role.Unspecified ? kss.All : kss.For(request.Role)).Select(s => new KssStatement { Role = s.Role, Number = s.Number, Title = s.Title }));
        return response;
    }
}
