using System.Globalization;
using Accreditation.BuildingBlocks.Idempotency;
using Accreditation.BuildingBlocks.Redis;
using Accreditation.Contracts.Testing.V1;
using Google.Protobuf;
using StackExchange.Redis;
using Role = Accreditation.Contracts.Common.V1.Role;

namespace Accreditation.Testing.Infrastructure;

/// <summary>
/// The question bank in Testing's store. Every version of an item or case scenario is kept,
/// immutable: item:{id}:v{n} and scenario:{id}:v{n} (protobuf). item:{id} and scenario:{id} are
/// hashes with the latest version, the role and (items) the status; items:{role} and
/// scenarios:{role} are sorted sets of ids (lexical order, for paging).
/// </summary>
public sealed class BankRepository(RedisStore store, CommandLog commands)
{
    private IDatabase Db => store.Database;

    /// <summary>The latest version of an item with its current status, and the hash's latest value (concurrency token).</summary>
    public async Task<(Item? Item, RedisValue Latest)> GetLatestItemAsync(string itemId)
    {
        var head = await Db.HashGetAsync(ItemKey(itemId), ["latest", "status"]);
        if (head[0].IsNull)
        {
            return (null, RedisValue.Null);
        }

        var item = await GetItemVersionAsync(itemId, (int)head[0]);
        return (item, head[0]);
    }

    /// <summary>A given version of an item, with the item's current status. Retired items stay readable for scoring.</summary>
    public async Task<Item?> GetItemVersionAsync(string itemId, int version)
    {
        var bytes = await Db.StringGetAsync(ItemVersionKey(itemId, version));
        if (bytes.IsNull)
        {
            return null;
        }

        var item = Item.Parser.ParseFrom((byte[])bytes!);
        var status = await Db.HashGetAsync(ItemKey(itemId), "status");
        item.Status = status.IsNull ? ItemStatus.Active : (ItemStatus)(int)status;
        return item;
    }

    public async Task<CaseScenario?> GetScenarioAsync(string scenarioId, int version = 0)
    {
        if (version == 0)
        {
            var latest = await Db.HashGetAsync(ScenarioKey(scenarioId), "latest");
            if (latest.IsNull)
            {
                return null;
            }

            version = (int)latest;
        }

        var bytes = await Db.StringGetAsync(ScenarioVersionKey(scenarioId, version));
        return bytes.IsNull ? null : CaseScenario.Parser.ParseFrom((byte[])bytes!);
    }

    /// <summary>
    /// Writes new item and scenario versions in one transaction, guarded by the latest versions read
    /// before (a scenario's version N+1 is written only while N is still its latest).
    /// </summary>
    public async Task<bool> ImportAsync(
        IReadOnlyList<(Item Version, RedisValue ExpectedLatest)> items,
        IReadOnlyList<CaseScenario> scenarios,
        CommandKey command,
        byte[] response)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(scenarios);
        var tx = Db.CreateTransaction();
        foreach (var (item, expected) in items)
        {
            var key = ItemKey(item.ItemId);
            tx.AddCondition(expected.IsNull ? Condition.HashNotExists(key, "latest") : Condition.HashEqual(key, "latest", expected));
            _ = tx.StringSetAsync(ItemVersionKey(item.ItemId, item.Version), item.ToByteArray());
            // A new item starts active; an existing item keeps its status, so a retirement (even one
            // committed between this import's reads and its commit) is never undone by an import.
            _ = expected.IsNull
                ? tx.HashSetAsync(key, [new HashEntry("latest", item.Version), new HashEntry("status", (int)ItemStatus.Active), new HashEntry("role", (int)item.Role)])
                : tx.HashSetAsync(key, [new HashEntry("latest", item.Version), new HashEntry("role", (int)item.Role)]);
            _ = tx.SortedSetAddAsync(ItemsKey(item.Role), item.ItemId, 0);
        }

        foreach (var scenario in scenarios)
        {
            var key = ScenarioKey(scenario.ScenarioId);
            tx.AddCondition(scenario.Version == 1 ? Condition.HashNotExists(key, "latest") : Condition.HashEqual(key, "latest", scenario.Version - 1));
            _ = tx.StringSetAsync(ScenarioVersionKey(scenario.ScenarioId, scenario.Version), scenario.ToByteArray());
            _ = tx.HashSetAsync(ScenarioKey(scenario.ScenarioId), [new HashEntry("latest", scenario.Version), new HashEntry("role", (int)scenario.Role)]);
            _ = tx.SortedSetAddAsync(ScenariosKey(scenario.Role), scenario.ScenarioId, 0);
        }

        commands.Stage(tx, command, response);
        return await tx.ExecuteAsync();
    }

    /// <summary>Marks an item retired (idempotent).</summary>
    public Task RetireAsync(string itemId) => Db.HashSetAsync(ItemKey(itemId), "status", (int)ItemStatus.Retired);

    /// <summary>Latest versions of a role's items in id order, after <paramref name="afterId"/>.</summary>
    public async Task<(List<Item> Items, string? LastId)> ListAsync(Role role, string afterId, int pageSize)
    {
        var ids = await Db.SortedSetRangeByValueAsync(
            ItemsKey(role),
            afterId.Length == 0 ? RedisValue.Null : (RedisValue)afterId,
            RedisValue.Null,
            afterId.Length == 0 ? Exclude.None : Exclude.Start,
            Order.Ascending,
            0,
            pageSize + 1);
        var items = new List<Item>();
        foreach (var id in ids.Take(pageSize))
        {
            if ((await GetLatestItemAsync(id!)).Item is { } item)
            {
                items.Add(item);
            }
        }

        return (items, ids.Length > pageSize ? ids[pageSize - 1].ToString() : null);
    }

    /// <summary>Everything a form for <paramref name="role"/> may be drawn from: active items and the case scenarios (latest versions).</summary>
    public async Task<(List<Item> Items, List<CaseScenario> Scenarios)> LoadActiveAsync(Role role)
    {
        var items = new List<Item>();
        foreach (var id in await Db.SortedSetRangeByRankAsync(ItemsKey(role)))
        {
            if ((await GetLatestItemAsync(id!)).Item is { Status: ItemStatus.Active } item)
            {
                items.Add(item);
            }
        }

        var scenarios = new List<CaseScenario>();
        foreach (var id in await Db.SortedSetRangeByRankAsync(ScenariosKey(role)))
        {
            if (await GetScenarioAsync(id!) is { } scenario)
            {
                scenarios.Add(scenario);
            }
        }

        return (items, scenarios);
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private RedisKey ItemKey(string id) => store.Keys.Key("item", id);

    private RedisKey ItemVersionKey(string id, int version) => store.Keys.Key("item", id, "v" + Number(version));

    private RedisKey ItemsKey(Role role) => store.Keys.Key("items", Number((int)role));

    private RedisKey ScenarioKey(string id) => store.Keys.Key("scenario", id);

    private RedisKey ScenarioVersionKey(string id, int version) => store.Keys.Key("scenario", id, "v" + Number(version));

    private RedisKey ScenariosKey(Role role) => store.Keys.Key("scenarios", Number((int)role));
}
