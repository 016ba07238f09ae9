using Accreditation.Contracts.Common.V1;
using Accreditation.Contracts.Reporting.V1;
using Accreditation.RegulatorReporting.Domain;
using Google.Protobuf.WellKnownTypes;

namespace Accreditation.RegulatorReporting.Application;

/// <summary>Register records to the regulator's messages: status, dates, authority, phase; nothing else.</summary>
public static class RegisterMapper
{
    public static RegisterEntry ToEntry(RegisterRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var view = record.View;
        var entry = new RegisterEntry
        {
            RegistrationNumber = view.RegistrationNumber,
            Role = view.Role,
            Status = view.Accredited ? AccreditationStatus.Accredited : AccreditationStatus.NotAccredited,
            Authority = new LocalAuthorityRef { GssCode = view.Authority.GssCode, LaNumber = view.Authority.LaNumber, Name = view.Authority.Name },
            Phase = view.Phase,
            UpdatedAt = Timestamp.FromDateTimeOffset(record.UpdatedAt),
        };
        if (view.AccreditedAt is { } at)
        {
            entry.AccreditedAt = Timestamp.FromDateTimeOffset(at);
        }

        return entry;
    }

    /// <summary>The answer for one (normalised) registration number from its entries (none: never heard of).</summary>
    public static RegistrationStatus ToStatus(string registrationNumber, IEnumerable<RegisterRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var status = new RegistrationStatus { RegistrationNumber = registrationNumber, Status = AccreditationStatus.NotAccredited };
        foreach (var record in records.OrderBy(r => r.Role))
        {
            var view = record.View;
            var role = new RoleStatus { Role = view.Role, Status = view.Accredited ? AccreditationStatus.Accredited : AccreditationStatus.NotAccredited };
            if (view.AccreditedAt is { } at)
            {
                role.AccreditedAt = Timestamp.FromDateTimeOffset(at);
                status.Status = AccreditationStatus.Accredited;
            }

            status.Roles.Add(role);
        }

        return status;
    }
}
