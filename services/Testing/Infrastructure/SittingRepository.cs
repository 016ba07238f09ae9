using Accreditation.AssessmentRules.Resits;
using Accreditation.BuildingBlocks.Idempotency;
using Accreditation.BuildingBlocks.Outbox;
using Accreditation.BuildingBlocks.Redis;
using Accreditation.Contracts;
using Accreditation.Testing.Domain;
using Google.Protobuf;
using StackExchange.Redis;

namespace Accreditation.Testing.Infrastructure;

/// <summary>
/// Candidates, sittings and attempt histories in Testing's store. Keys: candidate:{enrolment id},
/// sitting:{id} and history:{registration number}:{role}
/// (JSON; the stored text is the optimistic concurrency token), deadlines (sorted set of
/// in-progress sitting ids by close time in ms). A change is one MULTI/EXEC transaction with its
/// command record and outbox entries.
/// </summary>
public sealed class SittingRepository(RedisStore store, OutboxWriter outbox, CommandLog commands)
{
    private IDatabase Db => store.Database;

    public RedisKey CandidateKey(string enrolmentId) => store.Keys.Key("candidate", enrolmentId);

    public RedisKey SittingKey(string sittingId) => store.Keys.Key("sitting", sittingId);

    public RedisKey DeadlinesKey => store.Keys.Key("deadlines");

    /// <summary>A person's scored attempts in a role, across enrolments: history:{registration number}:{role}.</summary>
    public static string HistoryId(string registrationNumber, Contracts.Common.V1.Role role) =>
        registrationNumber + ":" + ((int)role).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public Task<Stored<List<AttemptRecord>>?> GetHistoryAsync(string historyId) => ReadAsync<List<AttemptRecord>>(Db, store.Keys.Key("history", historyId));

    public Task<Stored<CandidateRecord>?> GetCandidateAsync(string enrolmentId) => ReadAsync<CandidateRecord>(Db, CandidateKey(enrolmentId));

    public Task<Stored<SittingRecord>?> GetSittingAsync(string sittingId) => ReadAsync<SittingRecord>(Db, SittingKey(sittingId));

    public static async Task<Stored<T>?> ReadAsync<T>(IDatabaseAsync db, RedisKey key)
    {
        ArgumentNullException.ThrowIfNull(db);
        var raw = await db.StringGetAsync(key);
        return raw.IsNull ? null : new Stored<T>(RecordJson.Read<T>(raw!), raw!);
    }

    /// <summary>Writes <paramref name="next"/> in place of <paramref name="before"/> (null: must not exist yet).</summary>
    public static void Stage<T>(ITransaction tx, RedisKey key, Stored<T>? before, T next)
    {
        ArgumentNullException.ThrowIfNull(tx);
        tx.AddCondition(before is null ? Condition.KeyNotExists(key) : Condition.StringEqual(key, before.Raw));
        _ = tx.StringSetAsync(key, RecordJson.Write(next));
    }

    /// <summary>The open sitting a person has in a role (any enrolment): open:{registration number}:{role}.</summary>
    public RedisKey OpenKey(string registrationNumber, Contracts.Common.V1.Role role) =>
        store.Keys.Key("open", HistoryId(registrationNumber, role));

    public async Task<OpenSitting?> GetOpenSittingAsync(string registrationNumber, Contracts.Common.V1.Role role)
    {
        var raw = await Db.StringGetAsync(OpenKey(registrationNumber, role));
        return raw.IsNull ? null : RecordJson.Read<OpenSitting>(raw!);
    }

    /// <summary>
    /// Keeps the person's open-sitting key in step with a sitting, guarded in the transaction: a
    /// sitting that opens requires that the person has none (so two bookings of one person, by any
    /// enrolments, cannot both commit); one that closes releases exactly its own entry.
    /// </summary>
    public void StageOpenSitting(ITransaction tx, SittingRecord? before, SittingRecord after)
    {
        ArgumentNullException.ThrowIfNull(tx);
        ArgumentNullException.ThrowIfNull(after);
        if (after.RegistrationNumber.Length == 0)
        {
            return;
        }

        var key = OpenKey(after.RegistrationNumber, after.Role);
        var entry = RecordJson.Write(new OpenSitting(after.SittingId, after.BookedBy));
        var wasOpen = before?.IsOpen == true;
        if (after.IsOpen && !wasOpen)
        {
            tx.AddCondition(Condition.KeyNotExists(key));
            _ = tx.StringSetAsync(key, entry);
        }
        else if (!after.IsOpen && wasOpen)
        {
            tx.AddCondition(Condition.StringEqual(key, entry));
            _ = tx.KeyDeleteAsync(key);
        }
    }

    /// <summary>Keeps the deadline index in step with the sitting's state.</summary>
    public void StageDeadline(ITransaction tx, SittingRecord sitting, TimeSpan grace)
    {
        ArgumentNullException.ThrowIfNull(tx);
        ArgumentNullException.ThrowIfNull(sitting);
        if (sitting.State == Contracts.Testing.V1.SittingState.InProgress && sitting.Deadline is { } deadline)
        {
            _ = tx.SortedSetAddAsync(DeadlinesKey, sitting.SittingId, (deadline + grace).ToUnixTimeMilliseconds());
        }
        else
        {
            _ = tx.SortedSetRemoveAsync(DeadlinesKey, sitting.SittingId);
        }
    }

    /// <summary>Commits a change of a candidate and/or a sitting with its command record and events; false on a concurrent change.</summary>
    public async Task<bool> SaveAsync(SittingChange change, TimeSpan grace, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(change);
        var tx = Db.CreateTransaction();
        if (change.Candidate is { } candidate)
        {
            Stage(tx, CandidateKey(candidate.EnrolmentId), change.CandidateBefore, candidate);
        }

        if (change.Sitting is { } sitting)
        {
            Stage(tx, SittingKey(sitting.SittingId), change.SittingBefore, sitting);
            StageDeadline(tx, sitting, grace);
            StageOpenSitting(tx, change.SittingBefore?.Value, sitting);
        }

        if (change is { HistoryKey: { } historyId, History: { } history })
        {
            Stage(tx, store.Keys.Key("history", historyId), change.HistoryBefore, history.ToList());
        }

        if (change.Command is not null)
        {
            commands.Stage(tx, change.Command, change.Response ?? []);
        }

        outbox.Enqueue(tx, change.Events, now);

        var committed = await tx.ExecuteAsync();
        if (committed && change.Events.Count > 0)
        {
            outbox.NotifyCommitted();
        }

        return committed;
    }

    /// <summary>Ids of in-progress sittings whose deadline plus grace is before <paramref name="now"/>.</summary>
    public async Task<IReadOnlyList<string>> OverdueAsync(DateTimeOffset now, int limit)
    {
        var ids = await Db.SortedSetRangeByScoreAsync(DeadlinesKey, double.NegativeInfinity, now.ToUnixTimeMilliseconds(), take: limit);
        return ids.Select(id => id.ToString()).ToList();
    }
}
