using System.Globalization;
using Accreditation.BuildingBlocks.Errors;

namespace Accreditation.AssessmentRules.Resits;

/// <summary>
/// Resit rules of an assessment component: a cool-off after a fail and an optional limit on
/// attempts (0: no limit). Pass marks and resit rules were never fixed publicly, so both are
/// configuration; the defaults are 28 days and no limit.
/// </summary>
public sealed class ResitPolicy
{
    public TimeSpan CoolOff { get; set; } = TimeSpan.FromDays(28);

    public int MaxAttempts { get; set; }

    /// <summary>
    /// Throws FAILED_PRECONDITION naming the limit or the earliest allowed date when another attempt
    /// at <paramref name="component"/> (e.g. "the knowledge test") is not allowed now.
    /// </summary>
    public void EnsureMayBook(IReadOnlyList<AttemptRecord> attempts, DateTimeOffset now, string component)
    {
        ArgumentNullException.ThrowIfNull(attempts);
        if (attempts.Any(a => a.Passed))
        {
            throw new DomainRuleException($"the candidate has already passed {component}");
        }

        if (MaxAttempts > 0 && attempts.Count >= MaxAttempts)
        {
            throw new DomainRuleException($"the limit of {MaxAttempts} attempts at {component} has been reached");
        }

        var lastFail = attempts.Where(a => !a.Passed).Select(a => a.ScoredAt).DefaultIfEmpty().Max();
        if (lastFail != default && now < lastFail + CoolOff)
        {
            var earliest = (lastFail + CoolOff).ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
            throw new DomainRuleException($"a resit may be booked from {earliest}, after the cool-off since the last fail at {component}");
        }
    }
}
