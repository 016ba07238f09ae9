using System.Globalization;
using Accreditation.BuildingBlocks.Auth;
using Accreditation.BuildingBlocks.Errors;
using Accreditation.BuildingBlocks.Validation;
using Accreditation.Contracts.Common.V1;
using Accreditation.Contracts.Reporting.V1;
using Accreditation.RegulatorReporting.Domain;

namespace Accreditation.RegulatorReporting.Application;

/// <summary>The filters of ListRegisterEntries, validated (INVALID_ARGUMENT naming the field).</summary>
public sealed partial record RegisterFilter(string Phase, string AuthorityCode, Role Role, AccreditationStatus Status, DateTimeOffset? AccreditedFrom, DateTimeOffset? AccreditedBefore)
{
    public static RegisterFilter From(ListRegisterEntriesRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Role != Role.Unspecified)
        {
            Require.AssessedRole("role", request.Role);
        }

        if (request.Status is not (AccreditationStatus.Unspecified or AccreditationStatus.Accredited or AccreditationStatus.NotAccredited))
        {
            throw new ValidationException("status", "must be ACCREDITATION_STATUS_ACCREDITED, ACCREDITATION_STATUS_NOT_ACCREDITED or unset");
        }

        if (request.Phase.Length > 64)
        {
            throw new ValidationException("phase", "must be at most 64 characters");
        }

        var authority = AuthorityCodes.Normalise(request.AuthorityCode);
        if (request.AuthorityCode.Length > 0 && !GssCode().IsMatch(authority))
        {
            throw new ValidationException("authority_code", "must be a GSS code, for example E08000002");
        }

        DateTimeOffset? from = request.AccreditedFrom is null ? null : Require.Time("accredited_from", request.AccreditedFrom);
        DateTimeOffset? before = request.AccreditedBefore is null ? null : Require.Time("accredited_before", request.AccreditedBefore);
        if (from is not null && before is not null && before <= from)
        {
            throw new ValidationException("accredited_before", "must be after accredited_from");
        }

        return new RegisterFilter(request.Phase.Trim(), authority, request.Role, request.Status, from, before);
    }

    public bool Matches(RegisterView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var status = view.Accredited ? AccreditationStatus.Accredited : AccreditationStatus.NotAccredited;
        return (Phase.Length == 0 || string.Equals(view.Phase, Phase, StringComparison.OrdinalIgnoreCase))
            && (AuthorityCode.Length == 0 || view.Authority.GssCode == AuthorityCode)
            && (Role == Role.Unspecified || view.Role == Role)
            && (Status == AccreditationStatus.Unspecified || status == Status)
            && (AccreditedFrom is null || view.AccreditedAt >= AccreditedFrom)
            && (AccreditedBefore is null || view.AccreditedAt < AccreditedBefore);
    }

    /// <summary>An English (E) or Welsh (W) ONS/GSS code: a letter and eight digits.</summary>
    [System.Text.RegularExpressions.GeneratedRegex("^[EW][0-9]{8}$", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex GssCode();

    /// <summary>The filter as text, which page tokens are bound to.</summary>
    public override string ToString() => string.Join(
        ';',
        Phase.ToUpperInvariant(),
        AuthorityCode,
        ((int)Role).ToString(CultureInfo.InvariantCulture),
        ((int)Status).ToString(CultureInfo.InvariantCulture),
        AccreditedFrom?.UtcTicks.ToString(CultureInfo.InvariantCulture) ?? "",
        AccreditedBefore?.UtcTicks.ToString(CultureInfo.InvariantCulture) ?? "");
}
