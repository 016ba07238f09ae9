using Grpc.Core;

namespace Accreditation.BuildingBlocks.Errors;

/// <summary>
/// The thing to create exists already: ALREADY_EXISTS. When the caller may see it, the existing
/// resource's id goes in a trailer (<see cref="ExistingIdTrailer"/>).
/// </summary>
public sealed class AlreadyExistsException(string message, string existingIdTrailer, string? existingId)
    : ServiceException(StatusCode.AlreadyExists, message)
{
    public string? ExistingId { get; } = existingId;

    public string ExistingIdTrailer { get; } = existingIdTrailer;
}
