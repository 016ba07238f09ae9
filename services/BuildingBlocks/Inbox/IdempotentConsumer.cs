using Accreditation.BuildingBlocks.Redis;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Accreditation.BuildingBlocks.Inbox;

/// <summary>
/// Applies an event's state change at most once per CloudEvent id: the id is recorded in the same
/// MULTI/EXEC transaction as the change, guarded by "not yet recorded". A transaction that fails
/// because a concurrent writer changed the watched state is staged again from fresh reads.
/// </summary>
public sealed class IdempotentConsumer(RedisStore store, IOptions<InboxOptions> options)
{
    /// <param name="consumer">Name of the consuming handler; each consumer has its own record.</param>
    /// <param name="eventId">The CloudEvent id.</param>
    /// <param name="stage">Reads what it needs and adds its writes and conditions to the transaction. Called again after a conflict.</param>
    public async Task<ConsumeOutcome> ConsumeAsync(string consumer, string eventId, Func<IDatabase, ITransaction, Task> stage)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventId);
        ArgumentNullException.ThrowIfNull(stage);
        var db = store.Database;
        var processed = store.Keys.Key("inbox", consumer, eventId);
        for (var attempt = 0; attempt <= options.Value.MaxConflictRetries; attempt++)
        {
            if (await db.KeyExistsAsync(processed))
            {
                return ConsumeOutcome.Duplicate;
            }

            var tx = db.CreateTransaction();
            tx.AddCondition(Condition.KeyNotExists(processed));
            await stage(db, tx);
            _ = tx.StringSetAsync(processed, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), options.Value.Retention);
            if (await tx.ExecuteAsync())
            {
                return ConsumeOutcome.Applied;
            }
        }

        throw new InvalidOperationException($"Event {eventId} for {consumer} kept conflicting with concurrent changes");
    }

    /// <summary>Whether <paramref name="eventId"/> has been processed by <paramref name="consumer"/>.</summary>
    public Task<bool> WasProcessedAsync(string consumer, string eventId) =>
        store.Database.KeyExistsAsync(store.Keys.Key("inbox", consumer, eventId));
}
