using Grpc.Core;

namespace Accreditation.BuildingBlocks.Errors;

/// <summary>A rule of the domain forbids the step: FAILED_PRECONDITION.</summary>
public sealed class DomainRuleException(string message, string? field = null)
    : ServiceException(StatusCode.FailedPrecondition, message, field);
