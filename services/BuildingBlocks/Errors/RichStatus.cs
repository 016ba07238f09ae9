using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;

namespace Accreditation.BuildingBlocks.Errors;

/// <summary>The gRPC rich error model: google.rpc.Status with details, in the grpc-status-details-bin trailer.</summary>
public static class RichStatus
{
    public const string TrailerName = "grpc-status-details-bin";

    public static byte[] BadRequest(ValidationException exception, string traceId)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var badRequest = new BadRequest();
        badRequest.FieldViolations.AddRange(exception.Violations.Select(v => new BadRequest.Types.FieldViolation
        {
            Field = v.Field,
            Description = v.Message,
        }));
        var status = new Google.Rpc.Status
        {
            Code = (int)Grpc.Core.StatusCode.InvalidArgument,
            Message = exception.Message,
        };
        status.Details.Add(Any.Pack(badRequest));
        if (traceId.Length > 0)
        {
            status.Details.Add(Any.Pack(new RequestInfo { RequestId = traceId }));
        }

        return status.ToByteArray();
    }

    /// <summary>The field violations a failed call carries, for clients and tests.</summary>
    public static IReadOnlyList<BadRequest.Types.FieldViolation> ViolationsOf(Grpc.Core.RpcException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var entry = exception.Trailers.Get(TrailerName);
        if (entry is null || !entry.IsBinary)
        {
            return [];
        }

        var status = Google.Rpc.Status.Parser.ParseFrom(entry.ValueBytes);
        return status.Details.Where(d => d.Is(Google.Rpc.BadRequest.Descriptor))
            .SelectMany(d => d.Unpack<BadRequest>().FieldViolations)
            .ToList();
    }
}
