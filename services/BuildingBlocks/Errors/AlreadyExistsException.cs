using Grpc.Core;

namespace Accreditation.BuildingBlocks.Errors;

/// <summary>The thing to create exists already: ALREADY_EXISTS, with the existing id in a trailer.</summary>
public sealed class AlreadyExistsException(string message, string existingIdTrailer, string existingId)
    : ServiceException(StatusCode.AlreadyExists, message)
{
    public string ExistingId { get; } = existingId;

    public string ExistingIdTrailer { get; } = existingIdTrailer;
}
