using Accreditation.Contracts.Common.V1;
using Accreditation.Contracts.Observation.V1;
using Google.Protobuf.WellKnownTypes;

namespace Accreditation.Cli.Practice;

/// <summary>
/// The assessors a simulation registers: two employed by each of its authorities (the second of
/// them also worked, until recently, for the next authority in the list) and two independent
/// ones, all trained for both roles and always available. Whatever a candidate's authority, at
/// least the two independent assessors have no conflict of interest, so a first and a different
/// second assessor can always be found.
/// </summary>
public static class AssessorPool
{
    public const string Prefix = "sim-assessor-";
    public const int PerAuthority = 2;
    public const int Independent = 2;

    /// <summary>The pool for <paramref name="authorities"/>; previous employment ends half a year before <paramref name="now"/>.</summary>
    public static IReadOnlyList<Assessor> For(IReadOnlyList<string> authorities, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(authorities);
        var codes = authorities.Distinct(StringComparer.Ordinal).ToList();
        var pool = new List<Assessor>();
        for (var i = 0; i < codes.Count; i++)
        {
            for (var n = 1; n <= PerAuthority; n++)
            {
                var assessor = New($"{Prefix}{codes[i]}-{n}", $"Simulated assessor {n} of {codes[i]}", codes[i]);
                var next = codes[(i + 1) % codes.Count];
                if (n == 2 && next != codes[i])
                {
                    assessor.PreviousEmployment.Add(new EmploymentPeriod
                    {
                        AuthorityCode = next,
                        From = Timestamp.FromDateTimeOffset(now.AddYears(-4)),
                        To = Timestamp.FromDateTimeOffset(now.AddMonths(-6)),
                    });
                }

                pool.Add(assessor);
            }
        }

        for (var n = 1; n <= Independent; n++)
        {
            pool.Add(New($"{Prefix}independent-{n}", $"Simulated independent assessor {n}", ""));
        }

        return pool;
    }

    /// <summary>
    /// The pool's assessors who may assess a candidate of <paramref name="candidateAuthority"/>: active,
    /// trained for <paramref name="role"/>, not employed there now nor within <paramref name="lookBack"/>,
    /// and not in <paramref name="excluded"/>; in id order.
    /// </summary>
    public static IReadOnlyList<Assessor> Eligible(
        IEnumerable<Assessor> pool, Role role, string candidateAuthority, DateTimeOffset at, TimeSpan lookBack, IReadOnlyCollection<string> excluded)
    {
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentNullException.ThrowIfNull(excluded);
        return pool
            .Where(a => a.Active && a.Roles.Contains(role) && !excluded.Contains(a.AssessorId))
            .Where(a => a.EmployingAuthorityCode != candidateAuthority)
            .Where(a => !a.PreviousEmployment.Any(p => p.AuthorityCode == candidateAuthority && p.To.ToDateTimeOffset() >= at - lookBack && p.From.ToDateTimeOffset() <= at))
            .OrderBy(a => a.AssessorId, StringComparer.Ordinal)
            .ToList();
    }

    private static Assessor New(string id, string name, string authority) => new()
    {
        AssessorId = id,
        DisplayName = name,
        EmployingAuthorityCode = authority,
        Roles = { Role.ChildAndFamilyPractitioner, Role.PracticeSupervisor },
        Active = true,
    };
}
