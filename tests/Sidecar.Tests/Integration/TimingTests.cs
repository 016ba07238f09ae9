using Accreditation.Sidecar.Tests.Support;
using Accreditation.TestSupport;
using Xunit.Abstractions;

namespace Accreditation.Sidecar.Tests.Integration;

/// <summary>processingTimeout decides reclaims only; each delivery attempt has its own timeout; a slow delivery is never doubled.</summary>
public sealed class TimingTests(RedisFixture redis, ITestOutputHelper output) : IClassFixture<RedisFixture>
{
    [Fact]
    public async Task Delivery_SlowerThanProcessingTimeout_NotTimedOutAndNeverDeliveredTwiceAtOnce()
    {
        var topic = Names.Topic("slow");
        await using var app = await FakeApp.StartAsync(Names.Subscriptions(topic, "/on-event"), _ => AppAnswer.SuccessWhenReleased);
        var options = SidecarHarness.OptionsFor(redis, Names.AppId("slow"), app.Port) with
        {
            ProcessingTimeout = TimeSpan.FromMilliseconds(300),
            RedeliverInterval = TimeSpan.FromMilliseconds(50),
        };
        await using var sidecar = await SidecarHarness.StartAsync(options, output);

        await StreamProbe.PublishAsync(sidecar, topic, """{"n":1}""", eventId: "evt-slow");

        // The reclaim loop has seen the entry idle past processingTimeout several times and left it alone.
        await Eventually.WaitUntilAsync(() => sidecar.Logs.Count("ReclaimSkippedInFlight") >= 3, "reclaim passes that skip the entry under delivery");
        Assert.Single(app.Received);
        var pending = Assert.Single(await redis.Connection.GetDatabase().StreamPendingMessagesAsync(topic, options.AppId, 10, StackExchange.Redis.RedisValue.Null));
        Assert.Equal(1, pending.DeliveryCount);
        app.ReleaseHangingRequests();
        await StreamProbe.WaitUntilSettledAsync(redis.Connection, topic, options.AppId);
        Assert.Single(app.Received);
        Assert.Equal(1, app.MaxConcurrentDeliveriesOfOneEvent);
    }

    [Fact]
    public async Task Delivery_AttemptLongerThanDeliveryTimeout_AbandonedAndRetried()
    {
        var topic = Names.Topic("timeout");
        await using var app = await FakeApp.StartAsync(
            Names.Subscriptions(topic, "/on-event"),
            received => received.Attempt == 1 ? AppAnswer.NoAnswer : AppAnswer.Success);
        var options = SidecarHarness.OptionsFor(redis, Names.AppId("timeout"), app.Port) with { DeliveryTimeout = TimeSpan.FromMilliseconds(200) };
        await using var sidecar = await SidecarHarness.StartAsync(options, output);

        await StreamProbe.PublishAsync(sidecar, topic, """{"n":1}""", eventId: "evt-timeout");

        await StreamProbe.WaitUntilSettledAsync(redis.Connection, topic, options.AppId);
        Assert.Equal([1, 2], app.Received.Select(r => r.Attempt));
        Assert.Contains(sidecar.Logs.Entries, l => l.EventName == "AttemptFailed" && l.Message.Contains("delivery timeout", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Start_ProcessingTimeoutNotLongerThanRetrySchedule_WarnedOnce()
    {
        var tooShort = SidecarHarness.OptionsFor(redis, Names.AppId("short"), null) with
        {
            ProcessingTimeout = TimeSpan.FromSeconds(1),
            RetryCount = 4,
            RetryBackoff = TimeSpan.FromMilliseconds(250),
        };

        await using var warned = await SidecarHarness.StartAsync(tooShort, output);
        await using var quiet = await SidecarHarness.StartAsync(tooShort with { AppId = Names.AppId("long"), GrpcPort = FreePort.Next(), HttpPort = FreePort.Next(), RetryCount = 3 }, output);

        var warning = Assert.Single(warned.Logs.Entries, l => l.EventName == "ProcessingTimeoutTooShort");
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Warning, warning.Level);
        Assert.Contains("00:00:01", warning.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(quiet.Logs.Entries, l => l.EventName == "ProcessingTimeoutTooShort");
    }
}
