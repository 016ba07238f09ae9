using Accreditation.BuildingBlocks.Auth;
using Accreditation.BuildingBlocks.Errors;
using Accreditation.BuildingBlocks.Validation;
using Accreditation.Contracts.Common.V1;
using Accreditation.Contracts.Reporting.V1;
using Accreditation.RegulatorReporting.Domain.Evaluation;
using Accreditation.RegulatorReporting.Infrastructure;

namespace Accreditation.RegulatorReporting.Application;

/// <summary>
/// The evaluation's queries: read the whole cohort, build the controlled tables
/// (<see cref="EvaluationTables"/>), then select rows. Filters never change what is suppressed.
/// Invalid filters are INVALID_ARGUMENT naming the field.
/// </summary>
public sealed partial class EvaluationQueries(ReportingStore store)
{
    public const int MaxPhaseLength = 64;

    /// <summary>The whole cohort as stored now (for building several tables from one read). Stays in the service.</summary>
    public Task<IReadOnlyList<CohortMember>> CohortAsync() => store.ReadCohortAsync();

    /// <summary>The controlled stage tables of every phase and role (for the page).</summary>
    public async Task<IReadOnlyList<StageRow>> StageTablesAsync() =>
        EvaluationTables.StageFigures(await store.ReadCohortAsync());

    public async Task<GetStageFiguresResponse> GetStageFiguresAsync(GetStageFiguresRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Role != Role.Unspecified)
        {
            Require.AssessedRole("role", request.Role);
        }

        var phase = Phase(request.Phase, required: false);
        var authority = AuthorityCodes.Normalise(request.AuthorityCode);
        if (request.AuthorityCode.Length > 0 && !GssCode().IsMatch(authority))
        {
            throw new ValidationException("authority_code", "must be a GSS code, for example E08000002");
        }

        var rows = (await StageTablesAsync())
            .Where(r => phase.Length == 0 || string.Equals(r.Phase, phase, StringComparison.OrdinalIgnoreCase))
            .Where(r => request.Role == Role.Unspecified || r.Role == request.Role)
            .Where(r => authority.Length == 0 || r.AllAuthorities || r.Authority!.GssCode == authority);
        var response = new GetStageFiguresResponse();
        response.Rows.AddRange(rows.Select(EvaluationMapper.ToMessage));
        return response;
    }

    public async Task<GroupTable> GroupTableAsync(string phase, Role role, MonitoringDimension dimension) =>
        EvaluationTables.GroupGaps(await store.ReadCohortAsync(), phase, role, dimension);

    public async Task<GetGroupGapsResponse> GetGroupGapsAsync(GetGroupGapsRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var phase = Phase(request.Phase, required: true);
        var role = Require.AssessedRole("role", request.Role);
        var dimension = EvaluationMapper.FromContract(request.Dimension)
            ?? throw new ValidationException("dimension", "must be one of EQUALITY_DIMENSION_AGE_BAND, EQUALITY_DIMENSION_ETHNIC_GROUP, EQUALITY_DIMENSION_SEX, EQUALITY_DIMENSION_DISABILITY");
        return EvaluationMapper.ToMessage(await GroupTableAsync(phase, role, dimension));
    }

    [System.Text.RegularExpressions.GeneratedRegex("^[EWSN][0-9]{8}$", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex GssCode();

    private static string Phase(string phase, bool required)
    {
        var trimmed = phase.Trim();
        if (required && trimmed.Length == 0)
        {
            throw new ValidationException("phase", "is required, for example phase-1");
        }

        return trimmed.Length > MaxPhaseLength
            ? throw new ValidationException("phase", $"must be at most {MaxPhaseLength} characters")
            : trimmed;
    }
}
