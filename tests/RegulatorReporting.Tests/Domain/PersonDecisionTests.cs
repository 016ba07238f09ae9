using Accreditation.RegulatorReporting.Domain;
using static Accreditation.RegulatorReporting.Tests.Domain.Facts;

namespace Accreditation.RegulatorReporting.Tests.Domain;

/// <summary>The decision per person and role, across their enrolments (a pass counts after re-enrolment).</summary>
public sealed class PersonDecisionTests
{
    [Fact]
    public void Decide_KnowledgeUnderWithdrawnEnrolmentPracticeUnderNewOne_AccreditedNamingTheNewOne()
    {
        var a = Fold([Enrolled(0, "a"), Endorsed(1, "a"), KnowledgeTest(10, true, "s1", enrolmentId: "a"), Withdrawn(12, enrolmentId: "a")]);
        var b = Fold([Enrolled(13, "b"), Endorsed(14, "b"), SimulatedPractice(20, true, "p1", enrolmentId: "b")]);

        Assert.Equal(new PersonAward("b", Day0.AddDays(20)), PersonDecision.Decide([a, b]));
        Assert.Null(a.AccreditedAt);
        Assert.Null(b.AccreditedAt);
    }

    [Fact]
    public void Decide_NewEnrolmentNotEndorsed_NotAccredited()
    {
        var a = Fold([Enrolled(0, "a"), Endorsed(1, "a"), KnowledgeTest(10, true, "s1", enrolmentId: "a"), Withdrawn(12, enrolmentId: "a")]);
        var b = Fold([Enrolled(13, "b"), SimulatedPractice(20, true, "p1", enrolmentId: "b")]);

        Assert.Null(PersonDecision.Decide([a, b]));
    }

    [Fact]
    public void Decide_LaterPassHolderWithdrawnBeforeIt_TheCurrentEnrolmentThenNamed()
    {
        var a = Fold([Enrolled(0, "a"), Endorsed(1, "a"), KnowledgeTest(10, true, "s1", enrolmentId: "a"), SimulatedPractice(20, true, "p1", enrolmentId: "a"), Withdrawn(15, enrolmentId: "a")]);
        var b = Fold([Enrolled(16, "b"), Endorsed(17, "b")]);

        Assert.Equal(new PersonAward("b", Day0.AddDays(20)), PersonDecision.Decide([a, b]));
        Assert.Null(PersonDecision.Decide([a]));
    }

    [Fact]
    public void Decide_EarliestPassOfEachComponentCounts_DateOfTheLaterOfThem()
    {
        var a = Fold([Enrolled(0, "a"), Endorsed(1, "a"), KnowledgeTest(10, true, "s1", enrolmentId: "a"), SimulatedPractice(30, true, "p2", enrolmentId: "a")]);
        var b = Fold([Enrolled(2, "b"), Endorsed(3, "b"), SimulatedPractice(20, true, "p1", enrolmentId: "b"), Withdrawn(25, enrolmentId: "b")]);

        Assert.Equal(new PersonAward("b", Day0.AddDays(20)), PersonDecision.Decide([a, b]));
    }
}
