using Grpc.Core;

namespace Accreditation.BuildingBlocks.Errors;

/// <summary>
/// A caller-facing failure with the gRPC code DESIGN.md gives it. Its message goes on the wire, so
/// it must be written for the caller; <see cref="Field"/> names the offending request field.
/// </summary>
public abstract class ServiceException : Exception
{
    protected ServiceException(StatusCode code, string message, string? field = null)
        : base(message)
    {
        Code = code;
        Field = field;
    }

    public StatusCode Code { get; }

    /// <summary>The request field at fault, in proto (snake_case) spelling, if any.</summary>
    public string? Field { get; }
}
