using Accreditation.Cli.Commands;
using Accreditation.Cli.Practice;
using Accreditation.Cli.Simulation;
using Accreditation.Contracts.Common.V1;

namespace Accreditation.Cli.Tests.Practice;

public sealed class AssessorPoolTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void For_Phase1_TwoPerAuthorityAndTwoIndependentWithValidIdsBothRolesActive()
    {
        var pool = AssessorPool.For(PhaseAuthorities.Phase1, Now);

        Assert.Equal((PhaseAuthorities.Phase1.Count * AssessorPool.PerAuthority) + AssessorPool.Independent, pool.Count);
        Assert.Equal(pool.Count, pool.Select(a => a.AssessorId).Distinct().Count());
        Assert.All(pool, a => Assert.True(CommonOptions.IsId(a.AssessorId), a.AssessorId));
        Assert.All(pool, a => Assert.Equal([Role.ChildAndFamilyPractitioner, Role.PracticeSupervisor], a.Roles));
        Assert.All(pool, a => Assert.True(a.Active));
        Assert.Equal(AssessorPool.Independent, pool.Count(a => a.EmployingAuthorityCode.Length == 0));
        Assert.All(PhaseAuthorities.Phase1, code => Assert.Equal(AssessorPool.PerAuthority, pool.Count(a => a.EmployingAuthorityCode == code)));
    }

    [Fact]
    public void For_Phase1_SecondAssessorOfEachAuthorityLeftTheNextHalfAYearAgo()
    {
        var pool = AssessorPool.For(PhaseAuthorities.Phase1, Now);

        var moved = pool.Single(a => a.AssessorId == "sim-assessor-E08000002-2");
        var period = Assert.Single(moved.PreviousEmployment);
        Assert.Equal("E08000003", period.AuthorityCode);
        Assert.Equal(Now.AddMonths(-6), period.To.ToDateTimeOffset());
        Assert.Equal("E08000002", Assert.Single(pool.Single(a => a.AssessorId == "sim-assessor-E08000035-2").PreviousEmployment).AuthorityCode);
        Assert.Empty(pool.Single(a => a.AssessorId == "sim-assessor-E08000002-1").PreviousEmployment);
    }

    [Fact]
    public void For_OneAuthority_NoPreviousEmploymentAtItsOwnAuthority()
    {
        var pool = AssessorPool.For(["E08000002"], Now);

        Assert.Equal(AssessorPool.PerAuthority + AssessorPool.Independent, pool.Count);
        Assert.All(pool, a => Assert.Empty(a.PreviousEmployment));
    }

    [Fact]
    public void Eligible_CandidateOfManchester_NeitherItsAssessorsNorTheOneWhoLeftItNorExcluded()
    {
        var pool = AssessorPool.For(PhaseAuthorities.Phase1, Now);

        var eligible = AssessorPool.Eligible(pool, Role.ChildAndFamilyPractitioner, "E08000003", Now, TimeSpan.FromDays(730), ["sim-assessor-independent-1"]);

        var ids = eligible.Select(a => a.AssessorId).ToList();
        Assert.DoesNotContain("sim-assessor-E08000003-1", ids);
        Assert.DoesNotContain("sim-assessor-E08000003-2", ids);
        Assert.DoesNotContain("sim-assessor-E08000002-2", ids);
        Assert.DoesNotContain("sim-assessor-independent-1", ids);
        Assert.Contains("sim-assessor-E08000002-1", ids);
        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
        Assert.Equal(pool.Count - 4, ids.Count);
    }

    [Fact]
    public void Eligible_LookBackShorterThanTheGap_TheOneWhoLeftIsEligible()
    {
        var pool = AssessorPool.For(PhaseAuthorities.Phase1, Now);

        var eligible = AssessorPool.Eligible(pool, Role.PracticeSupervisor, "E08000003", Now, TimeSpan.FromDays(30), []);

        Assert.Contains(eligible, a => a.AssessorId == "sim-assessor-E08000002-2");
    }

    [Theory]
    [InlineData("E08000002")]
    [InlineData("E08000003")]
    [InlineData("E08000004")]
    [InlineData("E08000010")]
    [InlineData("E08000035")]
    public void Eligible_AnyPhase1CandidateAfterTheFirstAssessor_ASecondRemains(string authority)
    {
        var pool = AssessorPool.For(PhaseAuthorities.Phase1, Now);
        var first = AssessorPool.Eligible(pool, Role.ChildAndFamilyPractitioner, authority, Now, PracticeJourney.LookBack, []);

        Assert.All(first, a => Assert.NotEmpty(AssessorPool.Eligible(pool, Role.ChildAndFamilyPractitioner, authority, Now, PracticeJourney.LookBack, [a.AssessorId])));
    }

    [Fact]
    public void Eligible_RoleNotTrained_None()
    {
        var pool = AssessorPool.For(["E08000002"], Now);
        pool[2].Roles.Clear();
        pool[2].Roles.Add(Role.ChildAndFamilyPractitioner);

        var eligible = AssessorPool.Eligible(pool, Role.PracticeSupervisor, "E08000002", Now, PracticeJourney.LookBack, []);

        Assert.Equal([pool[3].AssessorId], eligible.Select(a => a.AssessorId));
    }
}
