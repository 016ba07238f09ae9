using Accreditation.BuildingBlocks.Auth;
using Accreditation.BuildingBlocks.Errors;
using Accreditation.BuildingBlocks.Idempotency;
using Accreditation.BuildingBlocks.Redis;
using Accreditation.Contracts.Common.V1;
using Accreditation.TestSupport;

namespace Accreditation.BuildingBlocks.Tests.Idempotency;

[Collection(RedisGroup.Name)]
public sealed class CommandLogTests(RedisFixture redis)
{
    private readonly CommandLog _log = new(new RedisStore(redis.Connection, new RedisKeys(RedisFixture.NewKeyPrefix(nameof(CommandLogTests)))));

    private static readonly Caller Someone = new("caller", new HashSet<string>(), null);

    private static CommandKey Key(string id = "req-1", string gss = "E08000002", Caller? caller = null) =>
        CommandKey.For(caller ?? Someone, "Rpc", id, new LocalAuthorityRef { GssCode = gss });

    /// <summary>An attempt that commits <paramref name="answer"/> with the command record, as a service's repository does.</summary>
    private Func<Task<byte[]?>> Committing(CommandKey key, byte[] answer, Action? before = null) => async () =>
    {
        before?.Invoke();
        var tx = redis.Connection.GetDatabase().CreateTransaction();
        _log.Stage(tx, key, answer);
        return await tx.ExecuteAsync() ? answer : null;
    };

    [Fact]
    public async Task RunOnceAsync_Retried_SecondRunReturnsFirstAnswerWithoutRunning()
    {
        var key = Key(Guid.NewGuid().ToString());
        var runs = 0;

        var first = await _log.RunOnceAsync(key, Committing(key, [1], () => runs++));
        var second = await _log.RunOnceAsync(key, Committing(key, [2], () => runs++));

        Assert.Equal([1], first);
        Assert.Equal([1], second);
        Assert.Equal(1, runs);
    }

    [Fact]
    public async Task RunOnceAsync_RefusedBecauseAConcurrentRetryCommitted_ReturnsThatAnswer()
    {
        var key = Key(Guid.NewGuid().ToString());

        var answer = await _log.RunOnceAsync(key, async () =>
        {
            await Committing(key, [7])(); // the concurrent retry wins the race...
            throw new DomainRuleException("already done"); // ...so this attempt finds the step already taken
        });

        Assert.Equal([7], answer);
    }

    [Fact]
    public async Task RunOnceAsync_RefusedWithNothingCommitted_Rethrows() =>
        await Assert.ThrowsAsync<DomainRuleException>(() => _log.RunOnceAsync(Key(Guid.NewGuid().ToString()), () => throw new DomainRuleException("no")));

    [Fact]
    public async Task RunOnceAsync_EveryCommitConflicts_AbortedAfterTheAttempts()
    {
        var runs = 0;

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => _log.RunOnceAsync(Key(Guid.NewGuid().ToString()), () =>
        {
            runs++;
            return Task.FromResult<byte[]?>(null);
        }, maxAttempts: 3));

        Assert.Equal(3, runs);
    }

    [Fact]
    public async Task FindAsync_SameIdDifferentRequest_InvalidArgumentNamingRequestId()
    {
        var id = Guid.NewGuid().ToString();
        await _log.RunOnceAsync(Key(id), Committing(Key(id), [1]));

        var e = await Assert.ThrowsAsync<ValidationException>(() => _log.FindAsync(Key(id, "E08000003")));

        Assert.Equal("client_request_id", e.Field);
    }

    [Fact]
    public async Task RunOnceAsync_SameRequestIdFromAnotherSubject_RunsAgainWithItsOwnAnswer()
    {
        var id = Guid.NewGuid().ToString();
        var a = Key(id, caller: new Caller("provider-a", new HashSet<string>(), null));
        var b = Key(id, caller: new Caller("provider-b", new HashSet<string>(), null));

        var first = await _log.RunOnceAsync(a, Committing(a, [1]));
        var second = await _log.RunOnceAsync(b, Committing(b, [2]));

        Assert.Equal([1], first);
        Assert.Equal([2], second);
    }

    [Fact]
    public async Task RunOnceAsync_ColonsInSubjectAndRequestId_KeySpacesNeverMeet()
    {
        // Unescaped, "x" + "Rpc:y" and "x:Rpc" + "y" would share a key.
        var plain = CommandKey.For(new Caller("x", new HashSet<string>(), null), "Rpc", "Rpc:y-" + Guid.NewGuid(), new LocalAuthorityRef());
        var colon = plain with { Caller = plain.Caller + ":Rpc", ClientRequestId = plain.ClientRequestId["Rpc:".Length..] };

        await _log.RunOnceAsync(plain, Committing(plain, [1]));

        Assert.Null(await _log.FindAsync(colon));
    }

    [Fact]
    public void For_CallerWithoutSubject_PermissionDenied() =>
        Assert.Throws<PermissionDeniedException>(() => CommandKey.For(new Caller("", new HashSet<string>(), null), "Rpc", "req", new LocalAuthorityRef()));

    [Fact]
    public void For_CouncilHrSystems_KeyedByAuthorityAndSubject()
    {
        var bury = CommandKey.For(new Caller("hr", new HashSet<string>(), "E08000002"), "Rpc", "req", new LocalAuthorityRef());
        var wigan = CommandKey.For(new Caller("hr", new HashSet<string>(), "E08000010"), "Rpc", "req", new LocalAuthorityRef());

        Assert.NotEqual(bury.Caller, wigan.Caller);
    }
}
