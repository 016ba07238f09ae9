using System.Globalization;
using System.Text.RegularExpressions;
using Accreditation.Cli.Practice;
using Accreditation.Contracts.Common.V1;
using Accreditation.Contracts.Enrolment.V1;
using Accreditation.Contracts.Observation.V1;
using Accreditation.Contracts.Reporting.V1;
using Accreditation.Contracts.Testing.V1;
using Google.Protobuf.WellKnownTypes;

namespace Accreditation.Cli.Commands;

/// <summary>Friendly spellings of the contract enums and other values on the command line (enums case-insensitive).</summary>
public static partial class Parse
{
    /// <summary>Registration numbers one check asks about at most (CheckAccreditationStatuses).</summary>
    public const int MaxRegistrationNumbers = 100;

    [GeneratedRegex("^E[0-9]{8}$", RegexOptions.CultureInvariant)]
    private static partial Regex GssPattern();

    [GeneratedRegex("^SW0*([1-9][0-9]{0,5})$", RegexOptions.CultureInvariant)]
    private static partial Regex RegistrationPattern();

    /// <summary>
    /// A Social Work England registration number, normalised as the services do: "SW" and 1 to 6
    /// digits, any case, leading zeros dropped ("sw0042" is "SW42").
    /// </summary>
    public static bool RegistrationNumber(string text, out string number)
    {
        var match = text is { Length: <= 16 } ? RegistrationPattern().Match(text.Trim().ToUpperInvariant()) : Match.Empty;
        number = match.Success ? "SW" + match.Groups[1].Value : "";
        return match.Success;
    }

    /// <summary>1 to <see cref="MaxRegistrationNumbers"/> registration numbers, comma-separated, each normalised; duplicates kept (each is answered).</summary>
    public static bool RegistrationNumbers(string text, out string[] numbers)
    {
        var parts = (text ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var parsed = new List<string>();
        foreach (var part in parts)
        {
            if (!RegistrationNumber(part, out var number))
            {
                numbers = [];
                return false;
            }

            parsed.Add(number);
        }

        numbers = [.. parsed];
        return numbers.Length is > 0 and <= MaxRegistrationNumbers;
    }

    /// <summary>A register status: accredited or not-accredited.</summary>
    public static bool Status(string text, out AccreditationStatus status)
    {
        status = text?.ToUpperInvariant() switch
        {
            "ACCREDITED" or "ACCREDITATION_STATUS_ACCREDITED" => AccreditationStatus.Accredited,
            "NOT-ACCREDITED" or "NOT_ACCREDITED" or "ACCREDITATION_STATUS_NOT_ACCREDITED" => AccreditationStatus.NotAccredited,
            _ => AccreditationStatus.Unspecified,
        };
        return status != AccreditationStatus.Unspecified;
    }

    /// <summary>A GSS code of a local authority, e.g. E08000002 (upper case, as the services store them).</summary>
    public static bool Gss(string text, out string code)
    {
        code = text?.Trim() ?? "";
        return GssPattern().IsMatch(code);
    }

    /// <summary>Roles, comma-separated: "practitioner,supervisor".</summary>
    public static bool Roles(string text, out Role[] roles)
    {
        var parsed = new List<Role>();
        foreach (var part in (text ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!Role(part, out var role))
            {
                roles = [];
                return false;
            }

            parsed.Add(role);
        }

        roles = [.. parsed.Distinct()];
        return roles.Length > 0;
    }

    public static bool Service(string text, out ServiceName service)
    {
        (var ok, service) = text?.ToUpperInvariant() switch
        {
            "ENROLMENT" => (true, ServiceName.Enrolment),
            "TESTING" => (true, ServiceName.Testing),
            "OBSERVATION" => (true, ServiceName.Observation),
            _ => (false, ServiceName.Enrolment),
        };
        return ok;
    }

    public static bool Kind(string text, out ComponentKind kind)
    {
        kind = text?.ToUpperInvariant() switch
        {
            "SIMULATION" => ComponentKind.Simulation,
            "REFLECTIVE" => ComponentKind.Reflective,
            "WRITTEN" => ComponentKind.Written,
            _ => ComponentKind.Unspecified,
        };
        return kind != ComponentKind.Unspecified;
    }

    public static bool Basis(string text, out ModerationBasis basis)
    {
        (var ok, basis) = text?.ToUpperInvariant() switch
        {
            "FIRST" => (true, ModerationBasis.First),
            "SECOND" => (true, ModerationBasis.Second),
            "MEAN" => (true, ModerationBasis.Mean),
            _ => (false, ModerationBasis.Mean),
        };
        return ok;
    }

    /// <summary>A point in time: ISO 8601 with an offset or Z (UTC assumed without one), or "now".</summary>
    public static bool Time(string text, out DateTimeOffset time)
    {
        if (string.Equals(text?.Trim(), "now", StringComparison.OrdinalIgnoreCase))
        {
            time = DateTimeOffset.UtcNow;
            return true;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out time);
    }

    /// <summary>A period of earlier employment: "GSS:from:to" with dates as yyyy-MM-dd, e.g. E08000003:2019-04-01:2024-03-31.</summary>
    public static bool Period(string text, out EmploymentPeriod period)
    {
        period = new EmploymentPeriod();
        var parts = (text ?? "").Split(':');
        if (parts.Length != 3 || !Gss(parts[0], out var code) || !Day(parts[1], out var from) || !Day(parts[2], out var to) || to < from)
        {
            return false;
        }

        period.AuthorityCode = code;
        period.From = Timestamp.FromDateTimeOffset(from);
        period.To = Timestamp.FromDateTimeOffset(to);
        return true;
    }

    private static bool Day(string text, out DateTimeOffset day) =>
        DateTimeOffset.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out day);

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

    /// <summary>An equality-monitoring question: age, ethnic, sex or disability.</summary>
    public static bool Dimension(string text, out EqualityDimension dimension)
    {
        dimension = text?.Trim().ToUpperInvariant() switch
        {
            "AGE" or "AGE_BAND" or "AGE-BAND" or "EQUALITY_DIMENSION_AGE_BAND" => EqualityDimension.AgeBand,
            "ETHNIC" or "ETHNIC_GROUP" or "ETHNIC-GROUP" or "EQUALITY_DIMENSION_ETHNIC_GROUP" => EqualityDimension.EthnicGroup,
            "SEX" or "EQUALITY_DIMENSION_SEX" => EqualityDimension.Sex,
            "DISABILITY" or "EQUALITY_DIMENSION_DISABILITY" => EqualityDimension.Disability,
            _ => EqualityDimension.Unspecified,
        };
        return dimension != EqualityDimension.Unspecified;
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
