using Accreditation.Contracts;
using Accreditation.Contracts.Enrolment.V1;
using Accreditation.TestSupport;
using Grpc.Core;
using StackExchange.Redis;

namespace Accreditation.Enrolment.Tests.Api;

/// <summary>
/// A state change and the events that announce it are one transaction: the connection is cut right
/// after the service's first EXEC reaches Redis, so a repository that committed the state and then
/// wrote its outbox in a second transaction would leave the state without its event.
/// </summary>
[Collection(RedisGroup.Name)]
public sealed class AtomicityTests(RedisFixture redis)
{
    [Fact]
    public async Task EnrolAndEndorse_ConnectionCutAfterTheFirstExec_StateAndEventCommittedTogether()
    {
        await using var proxy = new RedisCutProxy(PortOf(redis.ConnectionString));
        var prefix = RedisFixture.NewKeyPrefix("atomicity");
        var transport = new RecordingTransport();
        await using var host = await EnrolmentTestHost.StartAsync(redis, prefix, transport, new Dictionary<string, string?> { ["Redis:ConnectionString"] = proxy.ConnectionString + ",connectTimeout=2000" });
        var bury = host.ClientFor(Authorities.Bury);
        var request = EnrolmentRequests.Enrol(Authorities.Bury);
        await WaitUntilIdleAsync(host);

        proxy.CutAfterExecMentioning(request.RegistrationNumber);
        var enrolled = await CallThroughCutAsync(() => bury.EnrolCandidateAsync(request).ResponseAsync);
        Assert.Equal(1, proxy.Cuts);

        // Whatever the caller heard, the store holds both the enrolment and its event, or neither.
        var enrolment = enrolled?.Enrolment ?? (await bury.EnrolCandidateAsync(request)).Enrolment;
        var published = await Eventually.WaitForAsync(() => Task.FromResult(transport.PublishedTo(Topics.CandidateEnrolled)), p => p.Count >= 1, "the enrolment's event");
        Assert.Single(published, m => m.Json.Contains(enrolment.EnrolmentId, StringComparison.Ordinal));

        var endorse = EnrolmentRequests.Endorse(enrolment.EnrolmentId);
        await WaitUntilIdleAsync(host);
        proxy.CutAfterExecMentioning(enrolment.EnrolmentId);
        await CallThroughCutAsync(() => bury.EndorseEnrolmentAsync(endorse).ResponseAsync);
        Assert.Equal(2, proxy.Cuts);

        var endorsed = (await bury.EndorseEnrolmentAsync(endorse)).Enrolment;
        Assert.Equal(EnrolmentState.Endorsed, endorsed.State);
        await Eventually.WaitUntilAsync(() => transport.PublishedTo(Topics.CandidateEndorsed).Count == 1, "the endorsement's event");
        await using var direct = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        Assert.Equal(0, await direct.GetDatabase().SortedSetLengthAsync(prefix + ":outbox:pending"));
    }

    /// <summary>The call whose transaction the proxy cuts: it may fail (UNAVAILABLE, INTERNAL of a lost connection) or, rarely, answer.</summary>
    private static async Task<T?> CallThroughCutAsync<T>(Func<Task<T>> call)
        where T : class
    {
        try
        {
            return await call();
        }
        catch (RpcException e) when (e.StatusCode is StatusCode.Unavailable or StatusCode.Internal or StatusCode.Aborted)
        {
            return null;
        }
    }

    /// <summary>Waits until the outbox dispatcher is not mid-transaction, so the next EXEC through the proxy is the call's own.</summary>
    private static Task<long> WaitUntilIdleAsync(ServiceTestHost host) =>
        Eventually.WaitForAsync(() => host.Services.GetOutboxPendingAsync(), pending => pending == 0, "the outbox to be idle");

    private static int PortOf(string connectionString) =>
        int.Parse(connectionString.Split(',')[0].Split(':')[^1], System.Globalization.CultureInfo.InvariantCulture);
}
