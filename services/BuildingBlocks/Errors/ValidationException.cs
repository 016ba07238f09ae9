using Grpc.Core;

namespace Accreditation.BuildingBlocks.Errors;

/// <summary>
/// Malformed input: INVALID_ARGUMENT naming the field. May carry several violations (for example
/// every problem of an import); the first is the headline, all go to google.rpc.BadRequest details.
/// </summary>
public sealed class ValidationException : ServiceException
{
    public ValidationException(string field, string message)
        : this([new FieldViolation(field, message)])
    {
    }

    public ValidationException(IReadOnlyList<FieldViolation> violations)
        : base(StatusCode.InvalidArgument, Headline(violations), violations[0].Field)
    {
        Violations = violations;
    }

    public IReadOnlyList<FieldViolation> Violations { get; }

    private static string Headline(IReadOnlyList<FieldViolation> violations)
    {
        ArgumentNullException.ThrowIfNull(violations);
        if (violations.Count == 0)
        {
            throw new ArgumentException("at least one violation", nameof(violations));
        }

        return violations.Count == 1
            ? violations[0].Message
            : $"{violations[0].Message} (and {violations.Count - 1} more problems in the error details)";
    }
}
