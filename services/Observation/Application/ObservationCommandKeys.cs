using Accreditation.BuildingBlocks.Auth;
using Accreditation.BuildingBlocks.Idempotency;
using Google.Protobuf;

namespace Accreditation.Observation.Application;

/// <summary>The one place Observation makes command keys: each caller has its own key space.</summary>
public static class ObservationCommandKeys
{
    public static CommandKey For(Caller caller, string rpc, string clientRequestId, IMessage request) =>
        CommandKey.For(caller, rpc, clientRequestId, request);
}
