using Accreditation.BuildingBlocks.Protobuf;
using Accreditation.Cli.Output;
using Accreditation.Contracts.Common.V1;
using Accreditation.Contracts.Reporting.V1;

namespace Accreditation.Cli.Reporting;

/// <summary>
/// How accredit writes the regulator's register: in tables and lines one word per value
/// (practitioner, accredited, not-accredited); in CSV the columns and enum names of the service's
/// own downloads (/v1/register/check.csv, /v1/register/export.csv).
/// </summary>
public static class RegisterText
{
    public static readonly string[] CheckColumns = ["registration_number", "role", "status", "accredited_at"];

    public static readonly string[] ExportColumns =
        ["registration_number", "role", "status", "accredited_at", "authority_code", "authority_la_number", "authority_name", "phase", "updated_at"];

    public static string Role(Role role) => role switch
    {
        Contracts.Common.V1.Role.ChildAndFamilyPractitioner => "practitioner",
        Contracts.Common.V1.Role.PracticeSupervisor => "supervisor",
        _ => "-",
    };

    public static string Status(AccreditationStatus status) => status switch
    {
        AccreditationStatus.Accredited => "accredited",
        AccreditationStatus.NotAccredited => "not-accredited",
        _ => "-",
    };

    /// <summary>One change of the feed as a line: when, number, role, status, accreditation time, authority, phase.</summary>
    public static string Change(StreamRegisterChangesResponse change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var e = change.Entry ?? new RegisterEntry();
        return string.Join(
            ' ',
            Times.Iso(change.ChangedAt),
            e.RegistrationNumber,
            Role(e.Role),
            Status(e.Status),
            Times.Iso(e.AccreditedAt),
            e.Authority?.GssCode is { Length: > 0 } code ? code : "-",
            e.Phase.Length > 0 ? e.Phase : "-");
    }

    /// <summary>The CSV rows of one registration number's status: one per role, or one without a role when it has none.</summary>
    public static IEnumerable<string> CheckRows(RegistrationStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        if (status.Roles.Count == 0)
        {
            yield return Csv.Line(status.RegistrationNumber, "", ProtoEnumNames.NameOf(status.Status), "");
        }

        foreach (var role in status.Roles)
        {
            yield return Csv.Line(status.RegistrationNumber, ProtoEnumNames.NameOf(role.Role), ProtoEnumNames.NameOf(role.Status), Times.Precise(role.AccreditedAt));
        }
    }

    public static string ExportRow(RegisterEntry e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return Csv.Line(
            e.RegistrationNumber,
            ProtoEnumNames.NameOf(e.Role),
            ProtoEnumNames.NameOf(e.Status),
            Times.Precise(e.AccreditedAt),
            e.Authority?.GssCode ?? "",
            e.Authority?.LaNumber ?? "",
            e.Authority?.Name ?? "",
            e.Phase,
            Times.Precise(e.UpdatedAt));
    }
}
