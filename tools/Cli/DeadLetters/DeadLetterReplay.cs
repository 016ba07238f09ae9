using StackExchange.Redis;

namespace Accreditation.Cli.DeadLetters;

/// <summary>
/// Moves one subscriber's dead-lettered messages of a topic back to the topic on the broker (Redis
/// Streams in Dapr's pubsub.redis layout: a stream per topic, the CloudEvent in field "data"), oldest
/// first. Each message is re-added to the topic with its fields unchanged and deleted from the
/// dead-letter stream in one MULTI/EXEC, so a message is never lost and never replayed twice by one
/// run. Every subscriber of the topic sees a replayed message again; it keeps its CloudEvent id, so
/// subscribers that already applied it (their idempotent consumers recorded the id) ignore it.
/// </summary>
public sealed class DeadLetterReplay(IDatabase broker)
{
    private const int Batch = 100;

    /// <summary>Replays at most <paramref name="max"/> of <paramref name="app"/>'s dead letters of <paramref name="topic"/>; returns how many.</summary>
    public async Task<int> ReplayAsync(string app, string topic, int max, CancellationToken cancellationToken = default)
    {
        var deadLetters = DeadLetterTopic.For(app, topic);
        var replayed = 0;
        while (replayed < max)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var entries = await broker.StreamRangeAsync(deadLetters, "-", "+", count: Math.Min(Batch, max - replayed));
            if (entries.Length == 0)
            {
                break;
            }

            foreach (var entry in entries)
            {
                var tx = broker.CreateTransaction();
                _ = tx.StreamAddAsync(topic, entry.Values);
                _ = tx.StreamDeleteAsync(deadLetters, [entry.Id]);
                if (await tx.ExecuteAsync())
                {
                    replayed++;
                }
            }
        }

        return replayed;
    }
}
