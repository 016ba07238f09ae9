using Accreditation.Contracts.Common.V1;
using Accreditation.Contracts.Enrolment.V1;

namespace Accreditation.Cli.Commands;

/// <summary>Friendly spellings of the contract enums on the command line.</summary>
public static class Parse
{
    public static Role Role(string? text) => text?.ToUpperInvariant() switch
    {
        null or "" => Contracts.Common.V1.Role.Unspecified,
        "PRACTITIONER" or "ROLE_CHILD_AND_FAMILY_PRACTITIONER" => Contracts.Common.V1.Role.ChildAndFamilyPractitioner,
        "SUPERVISOR" or "ROLE_PRACTICE_SUPERVISOR" => Contracts.Common.V1.Role.PracticeSupervisor,
        _ => throw new UsageException("--role must be practitioner or supervisor"),
    };

    public static EnrolmentState State(string? text) => text?.ToUpperInvariant() switch
    {
        null or "" => EnrolmentState.Unspecified,
        "ENROLLED" => EnrolmentState.Enrolled,
        "ENDORSED" => EnrolmentState.Endorsed,
        "WITHDRAWN" => EnrolmentState.Withdrawn,
        _ => throw new UsageException("--state must be enrolled, endorsed or withdrawn"),
    };
}
