using System.Text.RegularExpressions;
using Accreditation.BuildingBlocks.Errors;
using Accreditation.Contracts.Common.V1;
using Google.Protobuf.WellKnownTypes;

namespace Accreditation.BuildingBlocks.Validation;

/// <summary>Edge checks shared by every service; each throws INVALID_ARGUMENT naming the field.</summary>
public static partial class Require
{
    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();

    /// <summary>Whether <paramref name="value"/> is shaped like an id (enrolment, sitting, item): letters, digits, '.', '_', '-'.</summary>
    public static bool IsId(string? value) => value is not null && IdPattern().IsMatch(value);

    /// <summary>A present, well-shaped id.</summary>
    public static string Id(string field, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            throw new ValidationException(field, "is required");
        }

        return IsId(value) ? value : throw new ValidationException(field, "is not a valid id");
    }

    /// <summary>One of the two assessed roles.</summary>
    public static Role AssessedRole(string field, Role role) =>
        role is Role.ChildAndFamilyPractitioner or Role.PracticeSupervisor
            ? role
            : throw new ValidationException(field, "must be ROLE_CHILD_AND_FAMILY_PRACTITIONER or ROLE_PRACTICE_SUPERVISOR");

    /// <summary>A present, representable time.</summary>
    public static DateTimeOffset Time(string field, Timestamp? value)
    {
        if (value is null)
        {
            throw new ValidationException(field, "is required");
        }

        try
        {
            return value.ToDateTimeOffset();
        }
        catch (InvalidOperationException)
        {
            throw new ValidationException(field, "is not a valid time");
        }
    }
}
