using Grpc.Core;

namespace Accreditation.BuildingBlocks.Errors;

/// <summary>A missing thing: NOT_FOUND.</summary>
public sealed class NotFoundException(string message, string? field = null)
    : ServiceException(StatusCode.NotFound, message, field);
