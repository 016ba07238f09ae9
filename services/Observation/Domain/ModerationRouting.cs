using Accreditation.Contracts.Observation.V1;

namespace Accreditation.Observation.Domain;

/// <summary>
/// Where a marking goes next. After first marking: a fail, then a borderline pass, then the random
/// share (drawn reproducibly per session) go to a second assessor; anything else is final. After
/// second marking: a different outcome, or overall means further apart than the threshold, go to
/// a moderator; otherwise the first marking's outcome (which the second confirmed) is final.
/// </summary>
public static class ModerationRouting
{
    public const string SamplePurpose = "second-marking-sample";

    public static SecondMarkingReason AfterFirstMarking(MarkResult first, string sessionId, ModerationOptions moderation, PassRuleOptions rule)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(moderation);
        ArgumentNullException.ThrowIfNull(rule);
        if (!first.Passed)
        {
            return SecondMarkingReason.Failing;
        }

        if (IsBorderline(first, moderation, rule))
        {
            return SecondMarkingReason.Borderline;
        }

        return IsSampled(sessionId, moderation) ? SecondMarkingReason.Sampled : SecondMarkingReason.None;
    }

    /// <summary>A pass whose lowest component mean is below the average minimum plus the band.</summary>
    public static bool IsBorderline(MarkResult result, ModerationOptions moderation, PassRuleOptions rule)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(moderation);
        ArgumentNullException.ThrowIfNull(rule);
        return result.Passed && result.LowestComponentAverage < rule.AverageMinimum + moderation.BorderlineBand;
    }

    /// <summary>Whether the session falls in the random share: the same answer for the same session id and seed, always.</summary>
    public static bool IsSampled(string sessionId, ModerationOptions moderation)
    {
        ArgumentNullException.ThrowIfNull(moderation);
        return SeededDraw.Fraction(moderation.Seed, sessionId, SamplePurpose) < moderation.SampleShare;
    }

    /// <summary>How far apart two markings are: the difference of their overall means.</summary>
    public static double Disagreement(MarkResult first, MarkResult second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        return Math.Round(Math.Abs(first.OverallAverage - second.OverallAverage), 2, MidpointRounding.AwayFromZero);
    }

    public static bool NeedsModerator(MarkResult first, MarkResult second, ModerationOptions moderation)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        ArgumentNullException.ThrowIfNull(moderation);
        return first.Passed != second.Passed || Disagreement(first, second) > moderation.DisagreementThreshold;
    }
}
