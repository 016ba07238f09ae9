using Accreditation.Contracts.Observation.V1;
using Accreditation.Observation.Domain;

namespace Accreditation.Observation.Tests.Domain;

public sealed class ModerationRoutingTests
{
    private static readonly PassRuleOptions Rule = new();

    [Fact]
    public void AfterFirstMarking_Fail_SecondMarkedAsFailing() =>
        Assert.Equal(SecondMarkingReason.Failing, ModerationRouting.AfterFirstMarking(Rubrics.Evaluate(1, 3, 3), "s1", new ModerationOptions { SampleShare = 0 }, Rule));

    [Fact]
    public void AfterFirstMarking_PassWithinBorderlineBand_SecondMarkedAsBorderline() =>
        Assert.Equal(SecondMarkingReason.Borderline, ModerationRouting.AfterFirstMarking(Rubrics.Evaluate(2, 3, 4), "s1", new ModerationOptions { SampleShare = 0 }, Rule));

    [Fact]
    public void AfterFirstMarking_ClearPassNothingSampled_Final() =>
        Assert.Equal(SecondMarkingReason.None, ModerationRouting.AfterFirstMarking(Rubrics.Evaluate(3, 3, 3), "s1", new ModerationOptions { SampleShare = 0 }, Rule));

    [Fact]
    public void AfterFirstMarking_ClearPassEverythingSampled_SecondMarkedAsSampled() =>
        Assert.Equal(SecondMarkingReason.Sampled, ModerationRouting.AfterFirstMarking(Rubrics.Evaluate(4, 4, 4), "s1", new ModerationOptions { SampleShare = 1 }, Rule));

    [Fact]
    public void IsBorderline_WiderBand_MoreResultsBorderline()
    {
        var result = Rubrics.Evaluate(3, 3, 3);

        Assert.False(ModerationRouting.IsBorderline(result, new ModerationOptions { BorderlineBand = 0.5 }, Rule));
        Assert.True(ModerationRouting.IsBorderline(result, new ModerationOptions { BorderlineBand = 0.6 }, Rule));
    }

    [Fact]
    public void IsSampled_SameSessionAndSeed_SameAnswerEveryTime()
    {
        var options = new ModerationOptions { SampleShare = 0.5 };
        var first = Enumerable.Range(0, 50).Select(i => ModerationRouting.IsSampled($"session-{i}", options)).ToList();

        var again = Enumerable.Range(0, 50).Select(i => ModerationRouting.IsSampled($"session-{i}", options)).ToList();

        Assert.Equal(first, again);
    }

    [Fact]
    public void IsSampled_ShareOfTenPercent_AboutTenPercentOfSessions()
    {
        var options = new ModerationOptions { SampleShare = 0.1 };

        var sampled = Enumerable.Range(0, 4000).Count(i => ModerationRouting.IsSampled(Guid.CreateVersion7(DateTimeOffset.UnixEpoch.AddSeconds(i)).ToString(), options));

        Assert.InRange(sampled, 320, 480);
    }

    [Fact]
    public void IsSampled_OtherSeed_OtherDraw()
    {
        var ids = Enumerable.Range(0, 200).Select(i => $"session-{i}").ToList();

        var a = ids.Select(id => ModerationRouting.IsSampled(id, new ModerationOptions { SampleShare = 0.5, Seed = "a" }));
        var b = ids.Select(id => ModerationRouting.IsSampled(id, new ModerationOptions { SampleShare = 0.5, Seed = "b" }));

        Assert.NotEqual(a, b);
    }

    [Fact]
    public void NeedsModerator_OutcomesDiffer_True() =>
        Assert.True(ModerationRouting.NeedsModerator(Rubrics.Evaluate(2, 3, 3), Rubrics.Evaluate(1, 3, 3), new ModerationOptions { DisagreementThreshold = 3 }));

    [Fact]
    public void NeedsModerator_SameOutcomeWithinThreshold_False() =>
        Assert.False(ModerationRouting.NeedsModerator(Rubrics.Evaluate(3, 3, 3), Rubrics.Evaluate(3, 4, 4), new ModerationOptions { DisagreementThreshold = 0.67 }));

    [Fact]
    public void NeedsModerator_SameOutcomeBeyondThreshold_True()
    {
        var first = Rubrics.Evaluate(3, 3, 3);
        var second = Rubrics.Evaluate(4, 4, 4);

        Assert.Equal(1.0, ModerationRouting.Disagreement(first, second));
        Assert.True(ModerationRouting.NeedsModerator(first, second, new ModerationOptions { DisagreementThreshold = 0.5 }));
    }
}
