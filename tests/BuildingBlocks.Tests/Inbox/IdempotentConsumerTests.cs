using Accreditation.BuildingBlocks.Inbox;
using Accreditation.BuildingBlocks.Redis;
using Accreditation.TestSupport;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Accreditation.BuildingBlocks.Tests.Inbox;

[Collection(RedisGroup.Name)]
public sealed class IdempotentConsumerTests(RedisFixture redis)
{
    private (IdempotentConsumer Consumer, RedisStore Store) NewConsumer(string test)
    {
        var store = new RedisStore(redis.Connection, new RedisKeys(RedisFixture.NewKeyPrefix(test)));
        return (new IdempotentConsumer(store, Options.Create(new InboxOptions())), store);
    }

    private static Func<IDatabase, ITransaction, Task> Increment(RedisKey counter) => (db, tx) =>
    {
        _ = tx.StringIncrementAsync(counter);
        return Task.CompletedTask;
    };

    [Fact]
    public async Task ConsumeAsync_SameEventIdTwice_AppliesStateChangeOnce()
    {
        var (consumer, store) = NewConsumer(nameof(ConsumeAsync_SameEventIdTwice_AppliesStateChangeOnce));
        var counter = store.Keys.Key("counter");

        var first = await consumer.ConsumeAsync("c", "event-1", Increment(counter));
        var second = await consumer.ConsumeAsync("c", "event-1", Increment(counter));

        Assert.Equal(ConsumeOutcome.Applied, first);
        Assert.Equal(ConsumeOutcome.Duplicate, second);
        Assert.Equal(1, (int)await store.Database.StringGetAsync(counter));
    }

    [Fact]
    public async Task ConsumeAsync_ConcurrentDeliveriesOfOneEvent_ApplyExactlyOnce()
    {
        var (consumer, store) = NewConsumer(nameof(ConsumeAsync_ConcurrentDeliveriesOfOneEvent_ApplyExactlyOnce));
        var counter = store.Keys.Key("counter");

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => consumer.ConsumeAsync("c", "event-1", Increment(counter)))));

        Assert.Equal(1, outcomes.Count(o => o == ConsumeOutcome.Applied));
        Assert.Equal(1, (int)await store.Database.StringGetAsync(counter));
        Assert.True(await consumer.WasProcessedAsync("c", "event-1"));
    }

    [Fact]
    public async Task ConsumeAsync_StateChangedBetweenReadAndCommit_StagesAgainFromFreshRead()
    {
        var (consumer, store) = NewConsumer(nameof(ConsumeAsync_StateChangedBetweenReadAndCommit_StagesAgainFromFreshRead));
        var value = store.Keys.Key("value");
        await store.Database.StringSetAsync(value, "1");
        var stagings = 0;

        var outcome = await consumer.ConsumeAsync("c", "event-1", async (db, tx) =>
        {
            stagings++;
            var seen = await db.StringGetAsync(value);
            tx.AddCondition(Condition.StringEqual(value, seen));
            if (stagings == 1)
            {
                await db.StringSetAsync(value, "2"); // a concurrent writer wins the race
            }

            _ = tx.StringSetAsync(value, (int)seen * 10);
        });

        Assert.Equal(ConsumeOutcome.Applied, outcome);
        Assert.Equal(2, stagings);
        Assert.Equal(20, (int)await store.Database.StringGetAsync(value));
    }

    [Fact]
    public async Task ConsumeAsync_DifferentConsumersSameEvent_EachAppliesOnce()
    {
        var (consumer, store) = NewConsumer(nameof(ConsumeAsync_DifferentConsumersSameEvent_EachAppliesOnce));
        var counter = store.Keys.Key("counter");

        await consumer.ConsumeAsync("a", "event-1", Increment(counter));
        await consumer.ConsumeAsync("b", "event-1", Increment(counter));

        Assert.Equal(2, (int)await store.Database.StringGetAsync(counter));
    }
}
