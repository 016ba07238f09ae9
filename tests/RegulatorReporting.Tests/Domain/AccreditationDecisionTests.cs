using Accreditation.RegulatorReporting.Domain;
using static Accreditation.RegulatorReporting.Tests.Domain.Facts;

namespace Accreditation.RegulatorReporting.Tests.Domain;

public sealed class AccreditationDecisionTests
{
    [Fact]
    public void AccreditedAt_BothPassedAfterEndorsement_DateOfTheLaterPass()
    {
        var progress = Fold([Enrolled(0), Endorsed(1), KnowledgeTest(10, true, "s1"), SimulatedPractice(20, true, "p1")]);

        Assert.Equal(Day0.AddDays(20), AccreditationDecision.AccreditedAt(progress));
        Assert.Equal(CandidateStage.Accredited, progress.Stage);
    }

    [Fact]
    public void AccreditedAt_SimulatedPracticePassedFirst_DateOfTheKnowledgeTest()
    {
        var progress = Fold([Enrolled(0), Endorsed(1), SimulatedPractice(5, true, "p1"), KnowledgeTest(12, true, "s1")]);

        Assert.Equal(Day0.AddDays(12), progress.AccreditedAt);
    }

    [Fact]
    public void AccreditedAt_FailedThenPassedResit_DateOfThePassingResit()
    {
        var progress = Fold([Enrolled(0), Endorsed(1), KnowledgeTest(10, false, "s1"), KnowledgeTest(40, true, "s2", 2), SimulatedPractice(20, true, "p1")]);

        Assert.Equal(Day0.AddDays(40), progress.AccreditedAt);
    }

    [Fact]
    public void AccreditedAt_OnlyOneComponentPassed_Null()
    {
        Assert.Null(Fold([Enrolled(0), Endorsed(1), KnowledgeTest(10, true, "s1"), SimulatedPractice(20, false, "p1")]).AccreditedAt);
    }

    [Fact]
    public void AccreditedAt_NotEndorsed_Null()
    {
        Assert.Null(Fold([Enrolled(0), KnowledgeTest(10, true, "s1"), SimulatedPractice(20, true, "p1")]).AccreditedAt);
    }

    [Fact]
    public void AccreditedAt_EnrolledEventNotYetArrived_NullUntilItArrives()
    {
        List<ProgressFact> facts = [Endorsed(1), KnowledgeTest(10, true, "s1"), SimulatedPractice(20, true, "p1")];

        Assert.Null(Fold(facts).AccreditedAt);
        Assert.Equal(Day0.AddDays(20), Fold([.. facts, Enrolled(0)]).AccreditedAt);
    }

    [Fact]
    public void AccreditedAt_WithdrawnBeforeTheLaterPass_Null()
    {
        var progress = Fold([Enrolled(0), Endorsed(1), KnowledgeTest(10, true, "s1"), Withdrawn(15), SimulatedPractice(20, true, "p1")]);

        Assert.Null(progress.AccreditedAt);
        Assert.Equal(CandidateStage.Withdrawn, progress.Stage);
    }

    [Fact]
    public void AccreditedAt_WithdrawalDatedAfterThePassesArrivesFirst_StillAccredited()
    {
        var progress = Fold([Withdrawn(30), Enrolled(0), Endorsed(1), KnowledgeTest(10, true, "s1"), SimulatedPractice(20, true, "p1")]);

        Assert.Equal(Day0.AddDays(20), progress.AccreditedAt);
    }

    [Fact]
    public void AccreditedAt_MovedAfterAccreditation_NotRevoked()
    {
        var progress = Fold([Enrolled(0), Endorsed(1), KnowledgeTest(10, true, "s1"), SimulatedPractice(20, true, "p1"), Moved(30, 3, Wigan)]);

        Assert.Equal(Day0.AddDays(20), progress.AccreditedAt);
        Assert.Equal(Wigan, progress.Authority);
    }
}
