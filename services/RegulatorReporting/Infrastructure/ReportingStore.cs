using Accreditation.BuildingBlocks.Redis;
using Accreditation.Contracts.Common.V1;
using Accreditation.RegulatorReporting.Domain;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using Role = Accreditation.Contracts.Common.V1.Role;

namespace Accreditation.RegulatorReporting.Infrastructure;

/// <summary>
/// Reporting's store. Keys: candidate:{enrolment id} (the progress projection, JSON; the stored
/// text is the optimistic concurrency token) and the set candidates (every enrolment id, for the
/// evaluation); equality:{enrolment id} (equality-monitoring answers, apart); register:{number}:{role}
/// (one register entry, JSON) and register-index (sorted set of "{number}:{role}" in register
/// order); feed (a stream: one entry per change of a register entry, with the entry after the
/// change, written in the same MULTI/EXEC as the change; trimmed to the retained length);
/// award:{enrolment id} (the award announced, written once with its outbox entry, then its status
/// set once by Enrolment's answer: pending, accepted or declined).
/// </summary>
public sealed class ReportingStore(RedisStore store, IOptions<ReportingOptions> options)
{
    public const string EntryField = "entry";

    // XINFO STREAM: entries-added counts every XADD; more than length means older entries were trimmed away.
    private const string ReadFeedScript = """
        if redis.call('EXISTS', KEYS[1]) == 0 then return {'0-0', '0-0', 0, {}} end
        local info = redis.call('XINFO', 'STREAM', KEYS[1])
        local last, first, length, added = '0-0', '0-0', 0, 0
        for i = 1, #info, 2 do
          local name = info[i]
          if name == 'last-generated-id' then last = info[i + 1] end
          if name == 'first-entry' and info[i + 1] then first = info[i + 1][1] end
          if name == 'length' then length = info[i + 1] end
          if name == 'entries-added' then added = info[i + 1] end
        end
        local trimmed = 0
        if added > length then trimmed = 1 end
        return {last, first, trimmed, redis.call('XRANGE', KEYS[1], '(' .. ARGV[1], '+', 'COUNT', ARGV[2])}
        """;

    private const string SnapshotScript = """
        local last = '0-0'
        if redis.call('EXISTS', KEYS[2]) == 1 then
          local info = redis.call('XINFO', 'STREAM', KEYS[2])
          for i = 1, #info, 2 do
            if info[i] == 'last-generated-id' then last = info[i + 1] end
          end
        end
        local result = {last}
        for _, member in ipairs(redis.call('ZRANGE', KEYS[1], 0, -1)) do
          result[#result + 1] = redis.call('GET', ARGV[1] .. member)
        end
        return result
        """;

    private IDatabase Db => store.Database;

    private RedisKey FeedKey => store.Keys.Key("feed");

    private RedisKey IndexKey => store.Keys.Key("register-index");

    public RedisKey CandidateKey(string enrolmentId) => store.Keys.Key("candidate", enrolmentId);

    public RedisKey EqualityKey(string enrolmentId) => store.Keys.Key("equality", enrolmentId);

    public RedisKey RegisterKey(string registrationNumber, Role role) => store.Keys.Key("register", RegisterRecord.IdOf(registrationNumber, role));

    public RedisKey AwardKey(string enrolmentId) => store.Keys.Key("award", enrolmentId);

    public static async Task<Stored<T>?> ReadAsync<T>(IDatabaseAsync db, RedisKey key)
    {
        ArgumentNullException.ThrowIfNull(db);
        var raw = await db.StringGetAsync(key);
        return raw.IsNull ? null : new Stored<T>(RecordJson.Read<T>(raw!), raw!);
    }

    public Task<Stored<CandidateProgress>?> GetCandidateAsync(string enrolmentId) => ReadAsync<CandidateProgress>(Db, CandidateKey(enrolmentId));

    public Task<Stored<AwardRecord>?> GetAwardAsync(string enrolmentId) => ReadAsync<AwardRecord>(Db, AwardKey(enrolmentId));

    public Task<Stored<EqualityAnswers>?> GetEqualityAsync(string enrolmentId) => ReadAsync<EqualityAnswers>(Db, EqualityKey(enrolmentId));

    /// <summary>Writes <paramref name="next"/> in place of <paramref name="before"/> (null: must not exist yet).</summary>
    public static void Stage<T>(ITransaction tx, RedisKey key, Stored<T>? before, T next)
    {
        ArgumentNullException.ThrowIfNull(tx);
        tx.AddCondition(before is null ? Condition.KeyNotExists(key) : Condition.StringEqual(key, before.Raw));
        _ = tx.StringSetAsync(key, RecordJson.Write(next));
    }

    public void StageCandidate(ITransaction tx, Stored<CandidateProgress>? before, CandidateProgress next)
    {
        ArgumentNullException.ThrowIfNull(next);
        Stage(tx, CandidateKey(next.EnrolmentId), before, next);
        _ = tx.SetAddAsync(store.Keys.Key("candidates"), next.EnrolmentId);
    }

    /// <summary>Stages a register entry and, when its view changed, the change on the feed (<paramref name="changedEntryJson"/>).</summary>
    public void StageRegister(ITransaction tx, Stored<RegisterRecord>? before, RegisterRecord next, string? changedEntryJson)
    {
        ArgumentNullException.ThrowIfNull(tx);
        ArgumentNullException.ThrowIfNull(next);
        Stage(tx, RegisterKey(next.RegistrationNumber, next.Role), before, next);
        _ = tx.SortedSetAddAsync(IndexKey, RegisterRecord.IdOf(next.RegistrationNumber, next.Role), RegisterRecord.OrderOf(next.RegistrationNumber, next.Role));
        if (changedEntryJson is not null)
        {
            _ = tx.StreamAddAsync(FeedKey, EntryField, changedEntryJson, maxLength: options.Value.Feed.RetainedChanges, useApproximateMaxLength: false);
        }
    }

    /// <summary>Stages the award of an enrolment, guarded so it is written once.</summary>
    public void StageAward(ITransaction tx, string enrolmentId, AwardRecord award)
    {
        ArgumentNullException.ThrowIfNull(tx);
        var key = AwardKey(enrolmentId);
        tx.AddCondition(Condition.KeyNotExists(key));
        _ = tx.StringSetAsync(key, RecordJson.Write(award));
    }

    /// <summary>A person's register entries (both roles that exist).</summary>
    public async Task<IReadOnlyList<RegisterRecord>> GetRegistrationAsync(string registrationNumber)
    {
        var values = await Db.StringGetAsync([RegisterKey(registrationNumber, Role.ChildAndFamilyPractitioner), RegisterKey(registrationNumber, Role.PracticeSupervisor)]);
        return values.Where(v => !v.IsNull).Select(v => RecordJson.Read<RegisterRecord>(v!)).ToList();
    }

    /// <summary>Up to <paramref name="count"/> register entries after <paramref name="afterOrder"/> in register order, with their order.</summary>
    public async Task<IReadOnlyList<(double Order, RegisterRecord Record)>> ScanRegisterAsync(double afterOrder, int count)
    {
        var members = await Db.SortedSetRangeByScoreWithScoresAsync(IndexKey, afterOrder, double.PositiveInfinity, Exclude.Start, Order.Ascending, 0, count);
        if (members.Length == 0)
        {
            return [];
        }

        var values = await Db.StringGetAsync(members.Select(m => (RedisKey)(store.Keys.Prefix + "register:" + m.Element)).ToArray());
        return members.Zip(values)
            .Where(p => !p.Second.IsNull)
            .Select(p => (p.First.Score, RecordJson.Read<RegisterRecord>(p.Second!)))
            .ToList();
    }

    /// <summary>The changes after <paramref name="after"/> (at most <paramref name="count"/>), read atomically with the feed's bounds (newest written, oldest retained, whether anything was trimmed).</summary>
    public async Task<FeedRead> ReadFeedAsync(FeedPosition after, int count)
    {
        var result = (RedisResult[])(await Db.ScriptEvaluateAsync(ReadFeedScript, [FeedKey], [after.ToString(), count]))!;
        var entries = ((RedisResult[])result[3]!).Select(e =>
        {
            var parts = (RedisResult[])e!;
            var fields = (RedisResult[])parts[1]!;
            var json = "";
            for (var i = 0; i + 1 < fields.Length; i += 2)
            {
                if ((string?)fields[i] == EntryField)
                {
                    json = (string?)fields[i + 1] ?? "";
                }
            }

            return new FeedEntry(FeedPosition.Parse((string)parts[0]!), json);
        }).ToList();
        return new FeedRead(entries, FeedPosition.Parse((string)result[0]!), FeedPosition.Parse((string)result[1]!), (int)result[2] == 1);
    }

    /// <summary>
    /// Every enrolment's progress with its equality-monitoring answers (for the evaluation's
    /// aggregates only), read in batches of <paramref name="batchSize"/>.
    /// </summary>
    public async Task<IReadOnlyList<Domain.Evaluation.CohortMember>> ReadCohortAsync(int batchSize = 500)
    {
        var ids = (await Db.SetMembersAsync(store.Keys.Key("candidates"))).Select(v => (string)v!).Order(StringComparer.Ordinal).ToList();
        var cohort = new List<Domain.Evaluation.CohortMember>(ids.Count);
        foreach (var batch in ids.Chunk(batchSize))
        {
            var progress = await Db.StringGetAsync(batch.Select(CandidateKey).ToArray());
            var equality = await Db.StringGetAsync(batch.Select(EqualityKey).ToArray());
            var awards = await Db.StringGetAsync(batch.Select(AwardKey).ToArray());
            for (var i = 0; i < batch.Length; i++)
            {
                if (!progress[i].IsNull)
                {
                    // Accredited counts only what the register shows: an award Enrolment accepted.
                    var confirmed = awards[i].IsNull ? null : RecordJson.Read<AwardRecord>(awards[i]!).ConfirmedAt;
                    cohort.Add(new Domain.Evaluation.CohortMember(
                        RecordJson.Read<CandidateProgress>(progress[i]!) with { ConfirmedAccreditedAt = confirmed },
                        equality[i].IsNull ? null : RecordJson.Read<EqualityAnswers>(equality[i]!)));
                }
            }
        }

        return cohort;
    }

    /// <summary>The whole register and the feed position of the same moment, in one script (nothing interleaves).</summary>
    public async Task<RegisterSnapshot> SnapshotAsync()
    {
        var result = (RedisResult[])(await Db.ScriptEvaluateAsync(SnapshotScript, [IndexKey, FeedKey], [store.Keys.Prefix + "register:"]))!;
        var records = result.Skip(1).Where(r => !r.IsNull).Select(r => RecordJson.Read<RegisterRecord>((string)r!)).ToList();
        return new RegisterSnapshot(FeedPosition.Parse((string)result[0]!), records);
    }
}
