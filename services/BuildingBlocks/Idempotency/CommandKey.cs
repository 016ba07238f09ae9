using Accreditation.BuildingBlocks.Auth;
using Accreditation.BuildingBlocks.Errors;
using Google.Protobuf;

namespace Accreditation.BuildingBlocks.Idempotency;

/// <summary>Identifies one command: who sent it (the caller's own key space, <see cref="Caller.CommandScope"/>), which RPC, the client's request id and what the request said.</summary>
public sealed record CommandKey(string Caller, string Rpc, string ClientRequestId, string Fingerprint)
{
    public const int MaxRequestIdLength = 128;

    /// <summary>Validates the client request id (INVALID_ARGUMENT naming client_request_id) and fingerprints the request.</summary>
    public static CommandKey For(Caller caller, string rpc, string clientRequestId, IMessage request)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (string.IsNullOrWhiteSpace(clientRequestId))
        {
            throw new ValidationException("client_request_id", "is required so that a retry returns the first answer");
        }

        if (clientRequestId.Length > MaxRequestIdLength)
        {
            throw new ValidationException("client_request_id", $"must be at most {MaxRequestIdLength} characters");
        }

        return new CommandKey(caller.CommandScope, rpc, clientRequestId, CommandLog.Fingerprint(request));
    }
}
