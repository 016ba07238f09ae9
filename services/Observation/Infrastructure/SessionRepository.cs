using Accreditation.AssessmentRules.Resits;
using Accreditation.BuildingBlocks.Idempotency;
using Accreditation.BuildingBlocks.Outbox;
using Accreditation.BuildingBlocks.Redis;
using Accreditation.Contracts.Observation.V1;
using Accreditation.Observation.Domain;
using StackExchange.Redis;

namespace Accreditation.Observation.Infrastructure;

/// <summary>
/// Candidates, sessions, attempt histories and the score audit trail in Observation's store.
/// Keys: candidate:{enrolment id}, session:{id}, history:{registration number}:{role} (JSON; the
/// stored text is the optimistic concurrency token); assessor-sessions:{assessor id} (sorted set of
/// session ids by slot, first and second marking); moderation-queue (sorted set of sessions awaiting
/// a moderator or a second assessor); audit:{session id} (list of JSON entries, oldest first).
/// A change is one MULTI/EXEC transaction with its audit entries, command record and outbox entries.
/// </summary>
public sealed class SessionRepository(RedisStore store, OutboxWriter outbox, CommandLog commands)
{
    private IDatabase Db => store.Database;

    public RedisKey CandidateKey(string enrolmentId) => store.Keys.Key("candidate", enrolmentId);

    public RedisKey SessionKey(string sessionId) => store.Keys.Key("session", sessionId);

    /// <summary>A person's completed attempts in a role, across enrolments.</summary>
    public static string HistoryId(string registrationNumber, Contracts.Common.V1.Role role) =>
        registrationNumber + ":" + ((int)role).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public Task<Stored<List<AttemptRecord>>?> GetHistoryAsync(string historyId) => ReadAsync<List<AttemptRecord>>(Db, HistoryKey(historyId));

    public Task<Stored<CandidateRecord>?> GetCandidateAsync(string enrolmentId) => ReadAsync<CandidateRecord>(Db, CandidateKey(enrolmentId));

    public Task<Stored<SessionRecord>?> GetSessionAsync(string sessionId) => ReadAsync<SessionRecord>(Db, SessionKey(sessionId));

    public async Task<IReadOnlyList<SessionRecord>> SessionsOfAssessorAsync(string assessorId) =>
        await LoadAsync(await Db.SortedSetRangeByRankAsync(store.Keys.Key("assessor-sessions", assessorId)));

    public async Task<IReadOnlyList<SessionRecord>> ModerationQueueAsync() =>
        await LoadAsync(await Db.SortedSetRangeByRankAsync(store.Keys.Key("moderation-queue")));

    public async Task<IReadOnlyList<AuditEntryRecord>> AuditOfAsync(string sessionId) =>
        (await Db.ListRangeAsync(AuditKey(sessionId))).Select(v => RecordJson.Read<AuditEntryRecord>(v!)).ToList();

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

    /// <summary>Stages a session and keeps the assessors' and the moderation indexes in step with it.</summary>
    public void StageSession(ITransaction tx, Stored<SessionRecord>? before, SessionRecord session)
    {
        ArgumentNullException.ThrowIfNull(tx);
        ArgumentNullException.ThrowIfNull(session);
        Stage(tx, SessionKey(session.SessionId), before, session);
        var slot = session.SlotStart.ToUnixTimeMilliseconds();
        foreach (var old in new[] { before?.Value.FirstAssessorId, before?.Value.SecondAssessorId })
        {
            if (!string.IsNullOrEmpty(old) && old != session.FirstAssessorId && old != session.SecondAssessorId)
            {
                _ = tx.SortedSetRemoveAsync(store.Keys.Key("assessor-sessions", old), session.SessionId);
            }
        }

        foreach (var assessor in new[] { session.FirstAssessorId, session.SecondAssessorId }.Where(a => a.Length > 0))
        {
            _ = tx.SortedSetAddAsync(store.Keys.Key("assessor-sessions", assessor), session.SessionId, slot);
        }

        var queued = session.State == SessionState.AwaitingModeration
            || (session.State == SessionState.AwaitingSecondMarking && session.SecondAssessorId.Length == 0);
        _ = queued
            ? tx.SortedSetAddAsync(store.Keys.Key("moderation-queue"), session.SessionId, slot)
            : tx.SortedSetRemoveAsync(store.Keys.Key("moderation-queue"), session.SessionId);
    }

    /// <summary>Commits a change with its audit entries, command record and events; false on a concurrent change.</summary>
    public async Task<bool> SaveAsync(SessionChange change, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(change);
        var tx = Db.CreateTransaction();
        if (change.Candidate is { } candidate)
        {
            Stage(tx, CandidateKey(candidate.EnrolmentId), change.CandidateBefore, candidate);
        }
        else if (change.CandidateBefore is { } read)
        {
            tx.AddCondition(Condition.StringEqual(CandidateKey(read.Value.EnrolmentId), read.Raw));
        }

        if (change.Session is { } session)
        {
            StageSession(tx, change.SessionBefore, session);
        }

        if (change.HistoryKey is { } historyId)
        {
            if (change.History is { } history)
            {
                Stage(tx, HistoryKey(historyId), change.HistoryBefore, history.ToList());
            }
            else
            {
                // Guard the history as read, so two enrolments of one person cannot both take the same attempt.
                tx.AddCondition(change.HistoryBefore is null ? Condition.KeyNotExists(HistoryKey(historyId)) : Condition.StringEqual(HistoryKey(historyId), change.HistoryBefore.Raw));
            }
        }

        foreach (var entry in change.Audit)
        {
            _ = tx.ListRightPushAsync(AuditKey(entry.SessionId), RecordJson.Write(entry));
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

    private RedisKey HistoryKey(string historyId) => store.Keys.Key("history", historyId);

    private RedisKey AuditKey(string sessionId) => store.Keys.Key("audit", sessionId);

    private async Task<IReadOnlyList<SessionRecord>> LoadAsync(RedisValue[] ids)
    {
        var sessions = new List<SessionRecord>();
        foreach (var id in ids)
        {
            if (await GetSessionAsync(id!) is { } s)
            {
                sessions.Add(s.Value);
            }
        }

        return sessions;
    }
}
