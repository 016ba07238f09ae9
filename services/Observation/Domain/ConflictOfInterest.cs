using System.Globalization;
using Accreditation.BuildingBlocks.Errors;
using Accreditation.Contracts.Observation.V1;

namespace Accreditation.Observation.Domain;

/// <summary>
/// An assessor never assesses a candidate employed by the assessor's own authority, nor one whose
/// authority the assessor worked for within the configured look-back before the session (previous
/// employment in the registry, or periods named by configuration).
/// </summary>
public static class ConflictOfInterest
{
    /// <summary>Why <paramref name="assessor"/> may not assess a candidate of <paramref name="candidateAuthority"/> at <paramref name="at"/>; null when they may.</summary>
    public static string? Find(Assessor assessor, string candidateAuthority, DateTimeOffset at, ConflictOfInterestOptions options)
    {
        ArgumentNullException.ThrowIfNull(assessor);
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrEmpty(candidateAuthority))
        {
            return null;
        }

        if (string.Equals(assessor.EmployingAuthorityCode, candidateAuthority, StringComparison.Ordinal))
        {
            return $"assessor {assessor.AssessorId} is employed by the candidate's authority {candidateAuthority} (conflict of interest)";
        }

        var since = at - options.LookBack;
        var periods = assessor.PreviousEmployment
            .Where(p => p.From is not null && p.To is not null)
            .Select(p => (p.AuthorityCode, From: p.From.ToDateTimeOffset(), To: p.To.ToDateTimeOffset()))
            .Concat(options.Declared
                .Where(d => string.Equals(d.AssessorId, assessor.AssessorId, StringComparison.Ordinal))
                .Select(d => (d.AuthorityCode, d.From, d.To)));
        foreach (var (authority, from, to) in periods)
        {
            if (string.Equals(authority, candidateAuthority, StringComparison.Ordinal) && to >= since && from <= at)
            {
                return $"assessor {assessor.AssessorId} worked for the candidate's authority {candidateAuthority} until {Day(to)}, within the conflict-of-interest period of {options.LookBack.TotalDays.ToString(CultureInfo.InvariantCulture)} days (conflict of interest)";
            }
        }

        return null;
    }

    /// <summary>FAILED_PRECONDITION naming <paramref name="field"/> when there is a conflict.</summary>
    public static void Ensure(Assessor assessor, string candidateAuthority, DateTimeOffset at, ConflictOfInterestOptions options, string field)
    {
        if (Find(assessor, candidateAuthority, at, options) is { } conflict)
        {
            throw new DomainRuleException(conflict, field);
        }
    }

    private static string Day(DateTimeOffset time) => time.ToUniversalTime().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
