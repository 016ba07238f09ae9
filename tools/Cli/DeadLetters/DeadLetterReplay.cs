using StackExchange.Redis;

namespace Accreditation.Cli.DeadLetters;

/// <summary>
/// Moves dead-lettered messages back to their topic on the broker (Redis Streams in Dapr's
/// pubsub.redis layout: a stream per topic, the CloudEvent in field "data"). Each message is
/// re-added to the topic and deleted from the dead-letter stream in one MULTI/EXEC, so a message
/// is never lost and never replayed twice by one run. Consumers are idempotent on the CloudEvent id,
/// which the replay keeps.
/// </summary>
public sealed class DeadLetterReplay(IDatabase broker)
{
    public const string Suffix = ".deadletter";

    public async Task<int> ReplayAsync(string topic, int max)
    {
        ArgumentException.ThrowIfNullOrEmpty(topic);
        var deadLetters = topic + Suffix;
        var replayed = 0;
        while (replayed < max)
        {
            var entries = await broker.StreamRangeAsync(deadLetters, "-", "+", count: Math.Min(100, max - replayed));
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
