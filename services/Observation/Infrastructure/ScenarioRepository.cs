using System.Globalization;
using Accreditation.BuildingBlocks.Idempotency;
using Accreditation.BuildingBlocks.Redis;
using Accreditation.Contracts.Observation.V1;
using Google.Protobuf;
using StackExchange.Redis;
using Role = Accreditation.Contracts.Common.V1.Role;

namespace Accreditation.Observation.Infrastructure;

/// <summary>
/// Scenarios in Observation's store. Every version is kept, immutable: scenario:{id}:v{n}
/// (protobuf). scenario:{id} is a hash with the latest version, role, kind and status;
/// scenarios:{role} is a sorted set of ids (lexical order).
/// </summary>
public sealed class ScenarioRepository(RedisStore store, CommandLog commands)
{
    private IDatabase Db => store.Database;

    /// <summary>The latest version with its current status, and the hash's latest value (concurrency token).</summary>
    public async Task<(Scenario? Scenario, RedisValue Latest)> GetLatestAsync(string scenarioId)
    {
        var latest = await Db.HashGetAsync(HeadKey(scenarioId), "latest");
        if (latest.IsNull)
        {
            return (null, RedisValue.Null);
        }

        return (await GetVersionAsync(scenarioId, (int)latest), latest);
    }

    /// <summary>A given version with the scenario's current status. Retired scenarios stay readable for scoring.</summary>
    public async Task<Scenario?> GetVersionAsync(string scenarioId, int version)
    {
        var bytes = await Db.StringGetAsync(VersionKey(scenarioId, version));
        if (bytes.IsNull)
        {
            return null;
        }

        var scenario = Scenario.Parser.ParseFrom((byte[])bytes!);
        var status = await Db.HashGetAsync(HeadKey(scenarioId), "status");
        scenario.Status = status.IsNull ? ScenarioStatus.Active : (ScenarioStatus)(int)status;
        return scenario;
    }

    /// <summary>Writes new versions in one transaction with the command record, guarded by the latest versions read before.</summary>
    public async Task<bool> ImportAsync(IReadOnlyList<(Scenario Version, RedisValue ExpectedLatest)> scenarios, CommandKey command, byte[] response)
    {
        ArgumentNullException.ThrowIfNull(scenarios);
        var tx = Db.CreateTransaction();
        foreach (var (scenario, expected) in scenarios)
        {
            var key = HeadKey(scenario.ScenarioId);
            tx.AddCondition(expected.IsNull ? Condition.HashNotExists(key, "latest") : Condition.HashEqual(key, "latest", expected));
            var stored = scenario.Clone();
            stored.Status = ScenarioStatus.Unspecified;
            _ = tx.StringSetAsync(VersionKey(scenario.ScenarioId, scenario.Version), stored.ToByteArray());
            _ = tx.HashSetAsync(key,
            [
                new HashEntry("latest", scenario.Version),
                new HashEntry("status", (int)ScenarioStatus.Active),
                new HashEntry("role", (int)scenario.Role),
                new HashEntry("kind", (int)scenario.Kind),
            ]);
            _ = tx.SortedSetAddAsync(ListKey(scenario.Role), scenario.ScenarioId, 0);
        }

        commands.Stage(tx, command, response);
        return await tx.ExecuteAsync();
    }

    /// <summary>Marks a scenario retired (idempotent).</summary>
    public Task RetireAsync(string scenarioId) => Db.HashSetAsync(HeadKey(scenarioId), "status", (int)ScenarioStatus.Retired);

    /// <summary>Latest versions of a role's scenarios, in id order.</summary>
    public async Task<List<Scenario>> ListAsync(Role role)
    {
        var scenarios = new List<Scenario>();
        foreach (var id in await Db.SortedSetRangeByRankAsync(ListKey(role)))
        {
            if ((await GetLatestAsync(id!)).Scenario is { } scenario)
            {
                scenarios.Add(scenario);
            }
        }

        return scenarios;
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private RedisKey HeadKey(string id) => store.Keys.Key("scenario", id);

    private RedisKey VersionKey(string id, int version) => store.Keys.Key("scenario", id, "v" + Number(version));

    private RedisKey ListKey(Role role) => store.Keys.Key("scenarios", Number((int)role));
}
