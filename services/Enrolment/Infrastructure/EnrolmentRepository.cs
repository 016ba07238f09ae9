using Accreditation.BuildingBlocks.Idempotency;
using Accreditation.BuildingBlocks.Outbox;
using Accreditation.BuildingBlocks.Redis;
using Accreditation.Contracts;
using Accreditation.Contracts.Enrolment.V1;
using Accreditation.Enrolment.Domain;
using Google.Protobuf;
using StackExchange.Redis;
using EnrolmentRecord = Accreditation.Contracts.Enrolment.V1.Enrolment;
using Role = Accreditation.Contracts.Common.V1.Role;

namespace Accreditation.Enrolment.Infrastructure;

/// <summary>
/// The Enrolment store in Redis. Every change is one MULTI/EXEC transaction holding the enrolment,
/// its indexes, the command record of the client request id and the outbox entries of its events,
/// guarded by conditions (optimistic concurrency on the enrolment version).
/// Keys: enrolment:{id} (hash: data, version, seq), active:{registration number}:{role} (id of the
/// active enrolment), authority:{gss} (sorted set of ids by seq), equality:{id}, and the command log (see CommandLog).
/// </summary>
public sealed class EnrolmentRepository(RedisStore store, OutboxWriter outbox, CommandLog commands, TimeProvider clock)
{
    private IDatabase Db => store.Database;

    public async Task<StoredEnrolment?> GetAsync(string enrolmentId)
    {
        var fields = await Db.HashGetAsync(EnrolmentKey(enrolmentId), ["data", "seq"]);
        if (fields[0].IsNull)
        {
            return null;
        }

        return new StoredEnrolment(EnrolmentRecord.Parser.ParseFrom((byte[])fields[0]!), (long)fields[1]);
    }

    public async Task<string?> GetActiveEnrolmentIdAsync(string registrationNumber, Role role)
    {
        var id = await Db.StringGetAsync(ActiveKey(registrationNumber, role));
        return id.IsNull ? null : id.ToString();
    }

    /// <summary>Writes a new enrolment; false when a condition failed (an active enrolment or the request id appeared meanwhile).</summary>
    public async Task<bool> CreateAsync(EnrolmentRecord enrolment, EqualityMonitoring? equality, CommandKey command, byte[] response, IEnumerable<IntegrationEvent> events)
    {
        ArgumentNullException.ThrowIfNull(enrolment);
        var sequence = await Db.StringIncrementAsync(store.Keys.Key("sequence"));
        var tx = Db.CreateTransaction();
        var active = ActiveKey(enrolment.RegistrationNumber, enrolment.Role);
        tx.AddCondition(Condition.KeyNotExists(active));
        tx.AddCondition(Condition.KeyNotExists(EnrolmentKey(enrolment.EnrolmentId)));
        _ = tx.HashSetAsync(EnrolmentKey(enrolment.EnrolmentId),
        [
            new HashEntry("data", enrolment.ToByteArray()),
            new HashEntry("version", enrolment.Version),
            new HashEntry("seq", sequence),
        ]);
        _ = tx.StringSetAsync(active, enrolment.EnrolmentId);
        _ = tx.SortedSetAddAsync(AuthorityKey(enrolment.EmployingAuthority.GssCode), enrolment.EnrolmentId, sequence);
        if (equality is not null)
        {
            _ = tx.StringSetAsync(store.Keys.Key("equality", enrolment.EnrolmentId), equality.ToByteArray());
        }

        Stage(tx, command, response, events);
        return await Commit(tx);
    }

    /// <summary>Replaces <paramref name="before"/> with <paramref name="after"/>; false when the enrolment changed meanwhile.</summary>
    public async Task<bool> UpdateAsync(StoredEnrolment before, EnrolmentRecord after, CommandKey command, byte[] response, IEnumerable<IntegrationEvent> events)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var old = before.Enrolment;
        var key = EnrolmentKey(old.EnrolmentId);
        var tx = Db.CreateTransaction();
        tx.AddCondition(Condition.HashEqual(key, "version", old.Version));
        _ = tx.HashSetAsync(key, [new HashEntry("data", after.ToByteArray()), new HashEntry("version", after.Version)]);
        if (after.State == EnrolmentState.Withdrawn && old.State != EnrolmentState.Withdrawn)
        {
            // The registration number may enrol again for this role.
            var active = ActiveKey(old.RegistrationNumber, old.Role);
            tx.AddCondition(Condition.StringEqual(active, old.EnrolmentId));
            _ = tx.KeyDeleteAsync(active);
        }

        if (after.EmployingAuthority.GssCode != old.EmployingAuthority.GssCode)
        {
            _ = tx.SortedSetRemoveAsync(AuthorityKey(old.EmployingAuthority.GssCode), old.EnrolmentId);
            _ = tx.SortedSetAddAsync(AuthorityKey(after.EmployingAuthority.GssCode), old.EnrolmentId, before.Sequence);
        }

        Stage(tx, command, response, events);
        return await Commit(tx);
    }

    /// <summary>Reads an enrolment through <paramref name="db"/> (for a consumer's transaction).</summary>
    public async Task<StoredEnrolment?> GetAsync(IDatabaseAsync db, string enrolmentId)
    {
        ArgumentNullException.ThrowIfNull(db);
        var fields = await db.HashGetAsync(EnrolmentKey(enrolmentId), ["data", "seq"]);
        return fields[0].IsNull ? null : new StoredEnrolment(EnrolmentRecord.Parser.ParseFrom((byte[])fields[0]!), (long)fields[1]);
    }

    /// <summary>Stages a change that needs no index change and publishes nothing (the accreditation), guarded by the version read.</summary>
    public void StageRecordOnly(ITransaction tx, StoredEnrolment before, EnrolmentRecord after)
    {
        ArgumentNullException.ThrowIfNull(tx);
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var key = EnrolmentKey(before.Enrolment.EnrolmentId);
        tx.AddCondition(Condition.HashEqual(key, "version", before.Enrolment.Version));
        _ = tx.HashSetAsync(key, [new HashEntry("data", after.ToByteArray()), new HashEntry("version", after.Version)]);
    }

    /// <summary>
    /// Enrolments of one authority in enrolment order, after sequence <paramref name="afterSequence"/>,
    /// filtered; stops at <paramref name="pageSize"/> matches. Returns the sequence of the last one.
    /// </summary>
    public async Task<(List<EnrolmentRecord> Page, long? LastSequence)> ListAsync(
        string authorityCode, long afterSequence, int pageSize, Func<EnrolmentRecord, bool> filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var page = new List<EnrolmentRecord>(pageSize);
        var cursor = afterSequence;
        var batch = Math.Max(pageSize, 50);
        while (page.Count < pageSize)
        {
            var entries = await Db.SortedSetRangeByScoreWithScoresAsync(
                AuthorityKey(authorityCode), cursor, double.PositiveInfinity, Exclude.Start, Order.Ascending, 0, batch);
            if (entries.Length == 0)
            {
                return (page, null);
            }

            var loads = entries.Select(e => GetAsync(e.Element!)).ToList();
            var loaded = await Task.WhenAll(loads);
            foreach (var stored in loaded)
            {
                if (stored is null)
                {
                    continue;
                }

                cursor = stored.Sequence;
                if (stored.Enrolment.EmployingAuthority.GssCode == authorityCode && filter(stored.Enrolment))
                {
                    page.Add(stored.Enrolment);
                    if (page.Count == pageSize)
                    {
                        return (page, cursor);
                    }
                }
            }

            cursor = (long)entries[^1].Score;
            if (entries.Length < batch)
            {
                return (page, null);
            }
        }

        return (page, cursor);
    }

    private void Stage(ITransaction tx, CommandKey command, byte[] response, IEnumerable<IntegrationEvent> events)
    {
        commands.Stage(tx, command, response);
        outbox.Enqueue(tx, events, clock.GetUtcNow());
    }

    private async Task<bool> Commit(ITransaction tx)
    {
        var committed = await tx.ExecuteAsync();
        if (committed)
        {
            outbox.NotifyCommitted();
        }

        return committed;
    }

    private RedisKey EnrolmentKey(string id) => store.Keys.Key("enrolment", id);

    private RedisKey ActiveKey(string registrationNumber, Role role) => store.Keys.Key("active", registrationNumber, ((int)role).ToString(System.Globalization.CultureInfo.InvariantCulture));

    private RedisKey AuthorityKey(string gssCode) => store.Keys.Key("authority", gssCode);
}
