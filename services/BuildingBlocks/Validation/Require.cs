using Accreditation.BuildingBlocks.Errors;
using Accreditation.Contracts.Common.V1;
using Google.Protobuf.WellKnownTypes;

namespace Accreditation.BuildingBlocks.Validation;

/// <summary>Edge checks shared by every service; each throws INVALID_ARGUMENT naming the field.</summary>
public static class Require
{
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
