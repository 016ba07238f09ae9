using Accreditation.BuildingBlocks.Errors;
using Accreditation.Contracts.Observation.V1;
using Accreditation.Observation.Domain;
using Accreditation.TestSupport;
using Google.Protobuf.WellKnownTypes;

namespace Accreditation.Observation.Tests.Domain;

public sealed class ConflictOfInterestTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly ConflictOfInterestOptions Options = new() { LookBack = TimeSpan.FromDays(730) };

    [Fact]
    public void Find_AssessorEmployedByCandidatesAuthority_Conflict() =>
        Assert.Contains("employed by the candidate's authority", ConflictOfInterest.Find(NewAssessor(Authorities.Bury), Authorities.Bury, Now, Options), StringComparison.Ordinal);

    [Fact]
    public void Find_AnotherAuthority_NoConflict() =>
        Assert.Null(ConflictOfInterest.Find(NewAssessor(Authorities.Leeds), Authorities.Bury, Now, Options));

    [Fact]
    public void Find_IndependentAssessor_NoConflict() =>
        Assert.Null(ConflictOfInterest.Find(NewAssessor(""), Authorities.Bury, Now, Options));

    [Fact]
    public void Find_WorkedForCandidatesAuthorityWithinLookBack_Conflict()
    {
        var assessor = NewAssessor(Authorities.Leeds, (Authorities.Bury, Now.AddYears(-5), Now.AddYears(-1)));

        Assert.Contains("worked for the candidate's authority", ConflictOfInterest.Find(assessor, Authorities.Bury, Now, Options), StringComparison.Ordinal);
    }

    [Fact]
    public void Find_WorkedForCandidatesAuthorityBeforeLookBack_NoConflict()
    {
        var assessor = NewAssessor(Authorities.Leeds, (Authorities.Bury, Now.AddYears(-8), Now.AddYears(-3)));

        Assert.Null(ConflictOfInterest.Find(assessor, Authorities.Bury, Now, Options));
    }

    [Fact]
    public void Find_LongerConfiguredLookBack_OlderEmploymentConflicts()
    {
        var assessor = NewAssessor(Authorities.Leeds, (Authorities.Bury, Now.AddYears(-8), Now.AddYears(-3)));

        Assert.NotNull(ConflictOfInterest.Find(assessor, Authorities.Bury, Now, new ConflictOfInterestOptions { LookBack = TimeSpan.FromDays(365 * 4) }));
    }

    [Fact]
    public void Find_PeriodNamedByConfiguration_Conflict()
    {
        var options = new ConflictOfInterestOptions
        {
            Declared = [new DeclaredConflict { AssessorId = "a1", AuthorityCode = Authorities.Bury, From = Now.AddYears(-2), To = Now.AddMonths(-6) }],
        };

        Assert.NotNull(ConflictOfInterest.Find(NewAssessor(Authorities.Leeds), Authorities.Bury, Now, options));
    }

    [Fact]
    public void Find_PeriodConfiguredForAnotherAssessor_NoConflict()
    {
        var options = new ConflictOfInterestOptions
        {
            Declared = [new DeclaredConflict { AssessorId = "someone-else", AuthorityCode = Authorities.Bury, From = Now.AddYears(-2), To = Now }],
        };

        Assert.Null(ConflictOfInterest.Find(NewAssessor(Authorities.Leeds), Authorities.Bury, Now, options));
    }

    [Fact]
    public void Ensure_Conflict_FailedPreconditionNamingTheField()
    {
        var e = Assert.Throws<DomainRuleException>(() => ConflictOfInterest.Ensure(NewAssessor(Authorities.Bury), Authorities.Bury, Now, Options, "assessor_id"));

        Assert.Equal(Grpc.Core.StatusCode.FailedPrecondition, e.Code);
        Assert.Equal("assessor_id", e.Field);
    }

    [Fact]
    public void EligibleAssessors_ConflictedUntrainedInactiveAndExcluded_LeftOut()
    {
        var untrained = NewAssessor("", id: "untrained");
        untrained.Roles.Clear();
        untrained.Roles.Add(Contracts.Common.V1.Role.PracticeSupervisor);
        var inactive = NewAssessor("", id: "inactive");
        inactive.Active = false;
        var all = new[] { NewAssessor(Authorities.Bury, id: "own-authority"), untrained, inactive, NewAssessor("", id: "first-marker"), NewAssessor(Authorities.Leeds, id: "ok") };

        var eligible = SessionPlanner.EligibleAssessors(all, Contracts.Common.V1.Role.ChildAndFamilyPractitioner, Authorities.Bury, Now, Now, Options, ["first-marker"]);

        Assert.Equal(["ok"], eligible.Select(a => a.AssessorId));
    }

    private static Assessor NewAssessor(string employer, params (string Authority, DateTimeOffset From, DateTimeOffset To)[] previous) => NewAssessor(employer, "a1", previous);

    private static Assessor NewAssessor(string employer, string id, params (string Authority, DateTimeOffset From, DateTimeOffset To)[] previous)
    {
        var assessor = new Assessor { AssessorId = id, DisplayName = "A", EmployingAuthorityCode = employer, Active = true, Roles = { Contracts.Common.V1.Role.ChildAndFamilyPractitioner } };
        assessor.PreviousEmployment.AddRange(previous.Select(p => new EmploymentPeriod { AuthorityCode = p.Authority, From = Timestamp.FromDateTimeOffset(p.From), To = Timestamp.FromDateTimeOffset(p.To) }));
        return assessor;
    }
}
