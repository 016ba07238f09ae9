using System.Collections.Immutable;
using System.Text.Json.Serialization;
using Accreditation.Contracts.Common.V1;

namespace Accreditation.RegulatorReporting.Domain;

/// <summary>
/// One person's register entry in one role, from all their enrolments in the role (a person may
/// enrol again after withdrawing). Accredited when an enrolment's award was accepted by Enrolment
/// (confirmed), on the earliest such date, with that enrolment's authority and phase; otherwise
/// (no award, or one pending or declined) the latest enrolment's authority and phase.
/// <see cref="UpdatedAt"/> is when the visible entry last changed.
/// </summary>
public sealed record RegisterRecord
{
    public required string RegistrationNumber { get; init; }

    public required Role Role { get; init; }

    public ImmutableSortedDictionary<string, EnrolmentContribution> Enrolments { get; init; } = ImmutableSortedDictionary<string, EnrolmentContribution>.Empty.WithComparers(StringComparer.Ordinal);

    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>The member of the register index: registration number and role.</summary>
    public static string IdOf(string registrationNumber, Role role) =>
        registrationNumber + ":" + ((int)role).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Register order: by the number, then the role.</summary>
    public static double OrderOf(string registrationNumber, Role role) =>
        (Domain.RegistrationNumber.NumberOf(registrationNumber) * 4d) + (int)role;

    [JsonIgnore]
    public RegisterView View
    {
        get
        {
            var accredited = Enrolments
                .Where(e => e.Value.AccreditedAt is not null)
                .OrderBy(e => e.Value.AccreditedAt)
                .ThenBy(e => e.Key, StringComparer.Ordinal)
                .Select(e => e.Value)
                .FirstOrDefault();
            var shown = accredited ?? Enrolments
                .OrderByDescending(e => e.Value.EnrolledAt ?? DateTimeOffset.MinValue)
                .ThenByDescending(e => e.Key, StringComparer.Ordinal)
                .Select(e => e.Value)
                .FirstOrDefault();
            return new RegisterView(RegistrationNumber, Role, accredited is not null, accredited?.AccreditedAt, shown?.Authority ?? AuthorityRecord.None, shown?.Phase ?? "");
        }
    }

    /// <summary>The record with <paramref name="progress"/>'s contribution (accredited on <paramref name="confirmedAt"/> when Enrolment accepted the award); <see cref="UpdatedAt"/> moves to <paramref name="now"/> only when the view changes.</summary>
    public static RegisterRecord With(RegisterRecord? current, CandidateProgress progress, DateTimeOffset? confirmedAt, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var record = current ?? new RegisterRecord { RegistrationNumber = progress.RegistrationNumber, Role = progress.Role, UpdatedAt = now };
        var next = record with { Enrolments = record.Enrolments.SetItem(progress.EnrolmentId, EnrolmentContribution.Of(progress, confirmedAt)) };
        return current is not null && next.View == current.View ? next with { UpdatedAt = current.UpdatedAt } : next with { UpdatedAt = now };
    }
}
