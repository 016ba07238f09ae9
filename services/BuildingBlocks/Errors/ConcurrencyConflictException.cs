using Grpc.Core;

namespace Accreditation.BuildingBlocks.Errors;

/// <summary>Concurrent changes kept winning: ABORTED, safe to retry with the same client request id.</summary>
public sealed class ConcurrencyConflictException(string message)
    : ServiceException(StatusCode.Aborted, message);
