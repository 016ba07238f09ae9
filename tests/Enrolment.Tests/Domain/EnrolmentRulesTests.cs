using Accreditation.BuildingBlocks.Errors;
using Accreditation.Contracts.Common.V1;
using Accreditation.Contracts.Enrolment.V1;
using Accreditation.Enrolment.Domain;
using Google.Protobuf.WellKnownTypes;

namespace Accreditation.Enrolment.Tests.Domain;

public sealed class EnrolmentRulesTests
{
    private static readonly LocalAuthorityCatalog Catalog = LocalAuthorityCatalog.LoadEmbedded();
    private static readonly RolloutPhase Phase1 = RolloutPhase.Create("phase-1", [], Catalog);
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private static Contracts.Enrolment.V1.Enrolment Enrolled() => EnrolmentRules.Enrol(
        new NewCandidate("SW1", "A", "B", "a@b.gov.uk", Role.ChildAndFamilyPractitioner, Catalog.Find("E08000002")!, "HR1",
            new Consent { AssessmentConsent = true, ConsentedAt = Timestamp.FromDateTimeOffset(Now), ConsentTextVersion = "v1" }, null),
        "e-1",
        "phase-1",
        Now);

    [Fact]
    public void Enrol_NewCandidate_EnrolledAtVersionOne()
    {
        var e = Enrolled();

        Assert.Equal(EnrolmentState.Enrolled, e.State);
        Assert.Equal(1, e.Version);
        Assert.Equal("351", e.EmployingAuthority.LaNumber);
    }

    [Fact]
    public void Endorse_Enrolled_EndorsedWithNextVersionAndOriginalUnchanged()
    {
        var before = Enrolled();

        var after = EnrolmentRules.Endorse(before, "Sam", "Manager", Now.AddHours(1));

        Assert.Equal(EnrolmentState.Endorsed, after.State);
        Assert.Equal(2, after.Version);
        Assert.Equal(Timestamp.FromDateTimeOffset(Now.AddHours(1)), after.Endorsement.EndorsedAt);
        Assert.Equal(EnrolmentState.Enrolled, before.State);
    }

    [Fact]
    public void Endorse_AlreadyEndorsed_DomainRule() =>
        Assert.Throws<DomainRuleException>(() => EnrolmentRules.Endorse(EnrolmentRules.Endorse(Enrolled(), "S", "M", Now), "S", "M", Now));

    [Fact]
    public void Endorse_Withdrawn_DomainRule() =>
        Assert.Throws<DomainRuleException>(() => EnrolmentRules.Endorse(EnrolmentRules.Withdraw(Enrolled(), "r", Now), "S", "M", Now));

    [Fact]
    public void Withdraw_Endorsed_WithdrawnKeepingEndorsement()
    {
        var withdrawn = EnrolmentRules.Withdraw(EnrolmentRules.Endorse(Enrolled(), "S", "M", Now), "moving on", Now);

        Assert.Equal(EnrolmentState.Withdrawn, withdrawn.State);
        Assert.Equal("moving on", withdrawn.Withdrawal.Reason);
        Assert.Equal("S", withdrawn.Endorsement.EndorserName);
    }

    [Fact]
    public void Withdraw_Twice_DomainRule() =>
        Assert.Throws<DomainRuleException>(() => EnrolmentRules.Withdraw(EnrolmentRules.Withdraw(Enrolled(), "r", Now), "r", Now));

    [Fact]
    public void Move_ToParticipatingAuthority_NewEmployerAndHistory()
    {
        var moved = EnrolmentRules.Move(Enrolled(), Catalog.Find("E08000010")!, Phase1, "W-1", Now);

        Assert.Equal("Wigan", moved.EmployingAuthority.Name);
        Assert.Equal("W-1", moved.HrReference);
        Assert.Equal("Bury", Assert.Single(moved.Moves).FromAuthority.Name);
        Assert.Equal(EnrolmentState.Enrolled, moved.State);
    }

    [Fact]
    public void Move_OutsidePhase_DomainRuleNamingPhase()
    {
        var e = Assert.Throws<DomainRuleException>(() => EnrolmentRules.Move(Enrolled(), Catalog.Find("E08000039")!, Phase1, "S-1", Now));

        Assert.Contains("phase-1", e.Message, StringComparison.Ordinal);
        Assert.Equal("new_authority_code", e.Field);
    }

    [Fact]
    public void Move_Withdrawn_DomainRule() =>
        Assert.Throws<DomainRuleException>(() => EnrolmentRules.Move(EnrolmentRules.Withdraw(Enrolled(), "r", Now), Catalog.Find("E08000010")!, Phase1, "W", Now));

    [Fact]
    public void Move_SameAuthority_DomainRule() =>
        Assert.Throws<DomainRuleException>(() => EnrolmentRules.Move(Enrolled(), Catalog.Find("E08000002")!, Phase1, "B", Now));

    [Fact]
    public void Events_EveryChange_CarryCommonFieldsAndVersion()
    {
        var moved = EnrolmentRules.Move(EnrolmentRules.Endorse(Enrolled(), "S", "M", Now), Catalog.Find("E08000010")!, Phase1, "W", Now);

        var evt = (Contracts.Events.V1.CandidateMoved)EnrolmentEvents.Moved(moved, "ev-1").Message;

        Assert.Equal("ev-1", evt.EventId);
        Assert.Equal("e-1", evt.EnrolmentId);
        Assert.Equal("SW1", evt.RegistrationNumber);
        Assert.Equal(Role.ChildAndFamilyPractitioner, evt.Role);
        Assert.Equal("Wigan", evt.Authority.Name);
        Assert.Equal("Bury", evt.FromAuthority.Name);
        Assert.Equal(3, evt.EnrolmentVersion);
    }

    [Fact]
    public void Accredit_Endorsed_RecordedBesideTheStateVersionIncreased()
    {
        var endorsed = EnrolmentRules.Endorse(Enrolled(), "S", "M", Now);

        var accredited = EnrolmentRules.Accredit(endorsed, Now.AddDays(-2), Now)!;

        Assert.Equal(EnrolmentState.Endorsed, accredited.State);
        Assert.Equal(Timestamp.FromDateTimeOffset(Now.AddDays(-2)), accredited.Accreditation.AccreditedAt);
        Assert.Equal(endorsed.Version + 1, accredited.Version);
    }

    [Fact]
    public void Accredit_AlreadyAccredited_NoChange()
    {
        var accredited = EnrolmentRules.Accredit(EnrolmentRules.Endorse(Enrolled(), "S", "M", Now), Now, Now)!;

        Assert.Null(EnrolmentRules.Accredit(accredited, Now.AddDays(1), Now.AddDays(1)));
    }

    [Fact]
    public void Withdraw_Accredited_DomainRule()
    {
        var accredited = EnrolmentRules.Accredit(EnrolmentRules.Endorse(Enrolled(), "S", "M", Now), Now, Now)!;

        var e = Assert.Throws<DomainRuleException>(() => EnrolmentRules.Withdraw(accredited, "moving on", Now));

        Assert.Contains("accredited", e.Message, StringComparison.Ordinal);
    }
}
