using System.Collections.Concurrent;
using System.Diagnostics;
using Accreditation.BuildingBlocks.Telemetry;
using Accreditation.TestSupport;
using StackExchange.Redis;

namespace Accreditation.BuildingBlocks.Tests.Telemetry;

[Collection(RedisGroup.Name)]
public sealed class RedisCommandTracingTests(RedisFixture redis)
{
    [Fact]
    public async Task Command_RunInATracedRequest_RecordedAsAChildSpanOfThatRequest()
    {
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        using var tracing = new RedisCommandTracing(connection);
        var spans = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name is "Accreditation.Tests" or RedisCommandTracing.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a => { if (a.Source.Name == RedisCommandTracing.ActivitySourceName) { spans.Enqueue(a); } },
        };
        ActivitySource.AddActivityListener(listener);
        using var source = new ActivitySource("Accreditation.Tests");
        var key = RedisFixture.NewKeyPrefix("tracing") + "key";

        ActivityContext request;
        using (var activity = source.StartActivity("request", ActivityKind.Server))
        {
            request = activity!.Context;
            await connection.GetDatabase().StringSetAsync(key, "value");
        }

        await connection.GetDatabase().StringGetAsync(key);

        var span = Assert.Single(spans);
        Assert.Equal("redis SET", span.DisplayName);
        Assert.Equal(request.TraceId, span.TraceId);
        Assert.Equal(request.SpanId, span.ParentSpanId);
        Assert.Equal("redis", span.GetTagItem("db.system"));
    }
}
