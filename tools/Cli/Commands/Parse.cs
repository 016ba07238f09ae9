using Accreditation.Contracts.Common.V1;
using Accreditation.Contracts.Enrolment.V1;
using Accreditation.Contracts.Testing.V1;

namespace Accreditation.Cli.Commands;

/// <summary>Friendly spellings of the contract enums on the command line (case-insensitive).</summary>
public static class Parse
{
    public static bool Role(string text, out Role role)
    {
        role = text?.ToUpperInvariant() switch
        {
            "PRACTITIONER" or "ROLE_CHILD_AND_FAMILY_PRACTITIONER" => Contracts.Common.V1.Role.ChildAndFamilyPractitioner,
            "SUPERVISOR" or "ROLE_PRACTICE_SUPERVISOR" => Contracts.Common.V1.Role.PracticeSupervisor,
            _ => Contracts.Common.V1.Role.Unspecified,
        };
        return role != Contracts.Common.V1.Role.Unspecified;
    }

    public static bool State(string text, out EnrolmentState state)
    {
        state = text?.ToUpperInvariant() switch
        {
            "ENROLLED" => EnrolmentState.Enrolled,
            "ENDORSED" => EnrolmentState.Endorsed,
            "WITHDRAWN" => EnrolmentState.Withdrawn,
            _ => EnrolmentState.Unspecified,
        };
        return state != EnrolmentState.Unspecified;
    }

    public static bool Mode(string text, out DeliveryMode mode)
    {
        mode = text?.ToUpperInvariant() switch
        {
            "ONLINE" => DeliveryMode.Online,
            "CENTRE" => DeliveryMode.TestCentre,
            _ => DeliveryMode.Unspecified,
        };
        return mode != DeliveryMode.Unspecified;
    }
}
