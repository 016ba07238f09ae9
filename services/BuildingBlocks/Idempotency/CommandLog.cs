using System.Security.Cryptography;
using Accreditation.BuildingBlocks.Errors;
using Accreditation.BuildingBlocks.Redis;
using Google.Protobuf;
using StackExchange.Redis;

namespace Accreditation.BuildingBlocks.Idempotency;

/// <summary>
/// Remembers the first answer to each command under its caller's client request id, so a retry
/// gets the same answer. The answer is staged in the same transaction as the change it reports;
/// a fingerprint of the request detects an id reused for a different request.
/// Keys: command:{caller}:{rpc}:{request id} (hash: fingerprint, response).
/// </summary>
public sealed class CommandLog(RedisStore store)
{
    public static readonly TimeSpan Retention = TimeSpan.FromDays(30);

    /// <summary>A stable fingerprint of a request message.</summary>
    public static string Fingerprint(IMessage request) => Convert.ToHexString(SHA256.HashData(request.ToByteArray()));

    /// <summary>The recorded answer, or null; INVALID_ARGUMENT when the id was used for a different request.</summary>
    public async Task<byte[]?> FindAsync(CommandKey command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var fields = await store.Database.HashGetAsync(Key(command), ["fingerprint", "response"]);
        if (fields[0].IsNull)
        {
            return null;
        }

        if (fields[0] != command.Fingerprint)
        {
            throw new ValidationException("client_request_id", "was already used for a different request");
        }

        return (byte[])fields[1]!;
    }

    /// <summary>
    /// Runs a command at most once per client request id and returns its first answer. Each
    /// attempt reads afresh, decides, and commits its change with <see cref="Stage"/>; it returns the
    /// answer it committed, or null when a concurrent change made the commit fail (then it runs
    /// again). When an attempt is refused (a <see cref="ServiceException"/>) but a concurrent retry
    /// of the same request has meanwhile committed, that retry's answer is returned instead: the
    /// refusal was caused by this very request.
    /// </summary>
    public async Task<byte[]> RunOnceAsync(CommandKey command, Func<Task<byte[]?>> attempt, int maxAttempts = 5)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        for (var i = 0; i < maxAttempts; i++)
        {
            if (await FindAsync(command) is { } prior)
            {
                return prior;
            }

            byte[]? answer;
            try
            {
                answer = await attempt();
            }
            catch (ServiceException)
            {
                if (await FindAsync(command) is { } answered)
                {
                    return answered;
                }

                throw;
            }

            if (answer is not null)
            {
                return answer;
            }
        }

        throw new ConcurrencyConflictException("a concurrent change kept winning; retry with the same client_request_id");
    }

    /// <summary>Adds the answer to <paramref name="transaction"/>, guarded by "not yet recorded".</summary>
    public void Stage(ITransaction transaction, CommandKey command, byte[] response)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentNullException.ThrowIfNull(command);
        var key = Key(command);
        transaction.AddCondition(Condition.KeyNotExists(key));
        _ = transaction.HashSetAsync(key, [new HashEntry("fingerprint", command.Fingerprint), new HashEntry("response", response)]);
        _ = transaction.KeyExpireAsync(key, Retention);
    }

    /// <summary>Each part escaped, so a ':' in a subject or a request id can never make two callers' keys meet.</summary>
    private RedisKey Key(CommandKey command) =>
        store.Keys.Key("command", Uri.EscapeDataString(command.Caller), command.Rpc, Uri.EscapeDataString(command.ClientRequestId));
}
