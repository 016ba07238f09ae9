using Accreditation.RegulatorReporting.Domain;
using Accreditation.RegulatorReporting.Infrastructure;
using static Accreditation.RegulatorReporting.Tests.Domain.Facts;

namespace Accreditation.RegulatorReporting.Tests.Domain;

public sealed class CandidateProjectionTests
{
    [Fact]
    public void Apply_Duplicate_NoChange()
    {
        var once = Fold([Enrolled(0), KnowledgeTest(10, true, "s1")]);
        var twice = CandidateProjection.Apply(once, KnowledgeTest(10, true, "s1"));

        Assert.Equal(RecordJson.Write(once), RecordJson.Write(twice));
    }

    [Fact]
    public void Apply_MovesInAnyOrder_NewestVersionsAuthorityWins()
    {
        var inOrder = Fold([Enrolled(0), Moved(5, 2, Wigan), Moved(9, 3, Bury)]);
        var reversed = Fold([Moved(9, 3, Bury), Moved(5, 2, Wigan), Enrolled(0)]);

        Assert.Equal(Bury, inOrder.Authority);
        Assert.Equal(RecordJson.Write(inOrder), RecordJson.Write(reversed));
    }

    [Fact]
    public void Apply_AssessmentEventAfterAMove_KeepsTheEnrolmentEventsAuthority()
    {
        var progress = Fold([Moved(5, 2, Wigan), KnowledgeTest(10, true, "s1") with { Authority = Bury }]);

        Assert.Equal(Wigan, progress.Authority);
    }

    [Fact]
    public void Apply_Attempts_KeyedBySittingAndSession()
    {
        var progress = Fold([KnowledgeTest(1, false, "s1"), KnowledgeTest(30, true, "s2", 2), SimulatedPractice(5, true, "p1")]);

        Assert.Equal(2, progress.KnowledgeTests.Count);
        Assert.Single(progress.SimulatedPractice);
        Assert.Equal(Day0.AddDays(30), progress.KnowledgeTestPassedAt);
    }

    [Fact]
    public void Apply_EnrolledEvent_PhaseAndEnrolmentDate()
    {
        var progress = Fold([Endorsed(3), Enrolled(1)]);

        Assert.True(progress.Enrolled);
        Assert.Equal(("phase-1", Day0.AddDays(1)), (progress.Phase, progress.EnrolledAt!.Value));
        Assert.Equal(CandidateStage.Endorsed, progress.Stage);
    }

    [Fact]
    public void With_SecondEnrolmentAfterAccreditation_RegisterKeepsTheAccreditation()
    {
        var accredited = Fold([Enrolled(0), Endorsed(1), KnowledgeTest(10, true, "s1"), SimulatedPractice(20, true, "p1")]);
        var again = Fold([Enrolled(50, "e2"), Moved(51, 2, Wigan, "e2")]);

        var record = RegisterRecord.With(RegisterRecord.With(null, accredited, accredited.AccreditedAt, Day0), again, null, Day0.AddDays(50));

        Assert.Equal(new RegisterView("SW100", Contracts.Common.V1.Role.ChildAndFamilyPractitioner, true, Day0.AddDays(20), Bury, "phase-1"), record.View);
        Assert.Equal(Day0, record.UpdatedAt);
    }

    [Fact]
    public void With_DecidedButNotConfirmed_NotAccredited()
    {
        var progress = Fold([Enrolled(0), Endorsed(1), KnowledgeTest(10, true, "s1"), SimulatedPractice(20, true, "p1")]);

        var record = RegisterRecord.With(null, progress, null, Day0);

        Assert.Equal(Day0.AddDays(20), progress.AccreditedAt);
        Assert.Equal((false, (DateTimeOffset?)null), (record.View.Accredited, record.View.AccreditedAt));
    }

    [Fact]
    public void With_ConfirmedAward_RegisterShowsTheAwardEvenIfTheFactsNoLongerDecideIt()
    {
        var progress = Fold([Enrolled(0), Endorsed(1), KnowledgeTest(10, true, "s1"), SimulatedPractice(20, true, "p1"), Withdrawn(15)]);

        var record = RegisterRecord.With(null, progress, Day0.AddDays(20), Day0);

        Assert.Null(progress.AccreditedAt);
        Assert.True(record.View.Accredited);
    }
}
