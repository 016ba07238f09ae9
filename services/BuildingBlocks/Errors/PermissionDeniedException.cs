using Grpc.Core;

namespace Accreditation.BuildingBlocks.Errors;

/// <summary>A caller outside its authority: PERMISSION_DENIED.</summary>
public sealed class PermissionDeniedException(string message, string? field = null)
    : ServiceException(StatusCode.PermissionDenied, message, field);
