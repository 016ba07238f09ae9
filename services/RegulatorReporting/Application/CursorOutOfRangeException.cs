using Accreditation.BuildingBlocks.Errors;
using Grpc.Core;

namespace Accreditation.RegulatorReporting.Application;

/// <summary>OUT_OF_RANGE: the cursor is older than the retained feed (or not of this feed); export the register again.</summary>
public sealed class CursorOutOfRangeException(string message)
    : ServiceException(StatusCode.OutOfRange, message, Domain.FeedCursor.Field);
