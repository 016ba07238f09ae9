using Grpc.Core;

namespace Accreditation.BuildingBlocks.Errors;

/// <summary>Malformed input: INVALID_ARGUMENT naming the field.</summary>
public sealed class ValidationException(string field, string message)
    : ServiceException(StatusCode.InvalidArgument, message, field);
