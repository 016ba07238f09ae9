using Accreditation.AssessmentRules.Eligibility;
using Accreditation.AssessmentRules.Resits;
using Accreditation.BuildingBlocks.Errors;
using Accreditation.Contracts.Common.V1;
using Accreditation.Contracts.Testing.V1;
using Accreditation.Testing.Domain;

namespace Accreditation.Testing.Tests.Domain;

public sealed class SittingRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly Blueprint Blueprint = new();

    private static CandidateRecord Eligible() => new()
    {
        Eligibility = new CandidateEligibility
        {
            EnrolmentId = "e1",
            Role = Role.ChildAndFamilyPractitioner,
            Enrolled = true,
            Endorsed = true,
        },
    };

    private static (SittingRecord Sitting, CandidateRecord Candidate) Booked() =>
        SittingRules.Book(Eligible(), [], "e1", "s1", Now, DeliveryMode.Online, "", new ResitPolicy(), Now);

    private static SittingRecord Started()
    {
        var (sitting, candidate) = Booked();
        var form = new Form(1, "", 0, [new FormItem(1, "I1", 1, ["B", "A", "D", "C"]), new FormItem(2, "I2", 1, ["A", "B", "C", "D", "E", "F", "G", "H"])]);
        return SittingRules.Start(sitting, candidate, form, Blueprint, TimeSpan.FromMinutes(30), Now);
    }

    [Fact]
    public void Book_Eligible_BookedFirstAttemptAndOpenOnCandidate()
    {
        var (sitting, candidate) = Booked();

        Assert.Equal(SittingState.Booked, sitting.State);
        Assert.Equal(1, sitting.AttemptNumber);
        Assert.Equal("s1", candidate.OpenSittingId);
    }

    [Fact]
    public void Book_OpenSittingOfTheSameProvider_AlreadyExistsNamingIt()
    {
        var e = Assert.Throws<AlreadyExistsException>(() =>
            SittingRules.Book(Eligible() with { OpenSittingId = "s0" }, [], "e1", "s1", Now, DeliveryMode.Online, "", new ResitPolicy(), Now, "provider-a", new OpenSitting("s0", "provider-a")));

        Assert.Equal("s0", e.ExistingId);
    }

    [Fact]
    public void Book_OpenSittingOfAnotherProvider_AlreadyExistsWithoutItsId()
    {
        var e = Assert.Throws<AlreadyExistsException>(() =>
            SittingRules.Book(Eligible() with { OpenSittingId = "s0" }, [], "e1", "s1", Now, DeliveryMode.Online, "", new ResitPolicy(), Now, "provider-b", new OpenSitting("s0", "provider-a")));

        Assert.Null(e.ExistingId);
        Assert.DoesNotContain("s0", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, true)]
    public void Book_NotEndorsedOrWithdrawn_DomainRule(bool endorsed, bool withdrawn) =>
        Assert.Throws<DomainRuleException>(() => SittingRules.Book(
            new CandidateRecord { Eligibility = Eligible().Eligibility with { Endorsed = endorsed, Withdrawn = withdrawn } }, [], "e1", "s1", Now, DeliveryMode.Online, "", new ResitPolicy(), Now));

    [Fact]
    public void Book_UnknownCandidate_DomainRule() =>
        Assert.Throws<DomainRuleException>(() => SittingRules.Book(null, [], "e1", "s1", Now, DeliveryMode.Online, "", new ResitPolicy(), Now));

    [Fact]
    public void Start_Booked_InProgressWithDeadlineAfterDuration()
    {
        var started = Started();

        Assert.Equal(SittingState.InProgress, started.State);
        Assert.Equal(Now + TimeSpan.FromMinutes(60), started.Deadline);
    }

    [Fact]
    public void Start_BeforeTheSlotOpens_DomainRule()
    {
        var (sitting, candidate) = SittingRules.Book(Eligible(), [], "e1", "s1", Now.AddHours(2), DeliveryMode.Online, "", new ResitPolicy(), Now);

        Assert.Throws<DomainRuleException>(() => SittingRules.Start(sitting, candidate, new Form(1, "", 0, []), Blueprint, TimeSpan.FromMinutes(30), Now));
    }

    [Fact]
    public void SaveAnswers_ValidAnswers_ReplacesEarlierAnswerForPosition()
    {
        var saved = SittingRules.SaveAnswers(Started(), [new Answer { Position = 1, SelectedOptionIds = { "A" } }], Now);
        saved = SittingRules.SaveAnswers(saved, [new Answer { Position = 1, SelectedOptionIds = { "C" } }, new Answer { Position = 2, SelectedOptionIds = { "A", "B", "H" } }], Now);

        Assert.Equal(["C"], saved.Answers[1]);
        Assert.Equal(["A", "B", "H"], saved.Answers[2]);
    }

    [Fact]
    public void SaveAnswers_AfterDeadline_DomainRule() =>
        Assert.Throws<DomainRuleException>(() => SittingRules.SaveAnswers(Started(), [new Answer { Position = 1, SelectedOptionIds = { "A" } }], Now.AddMinutes(61)));

    [Fact]
    public void SaveAnswers_SeveralBadAnswers_ValidationNamingEach()
    {
        var e = Assert.Throws<ValidationException>(() => SittingRules.SaveAnswers(Started(),
        [
            new Answer { Position = 9, SelectedOptionIds = { "A" } },
            new Answer { Position = 1, SelectedOptionIds = { "A", "B" } },
            new Answer { Position = 2, SelectedOptionIds = { "Z" } },
        ], Now));

        Assert.Equal(["answers[0].position", "answers[1].selected_option_ids", "answers[2].selected_option_ids"], e.Violations.Select(v => v.Field));
    }

    [Fact]
    public void Cancel_InProgressByPlatform_DomainRule()
    {
        var started = Started();

        Assert.Throws<DomainRuleException>(() => SittingRules.Cancel(started, Eligible(), "no", candidateWithdrew: false));
    }

    [Fact]
    public void Cancel_InProgressBecauseCandidateWithdrew_CancelledAndReleased()
    {
        var (cancelled, candidate) = SittingRules.Cancel(Started(), Eligible() with { OpenSittingId = "s1" }, "withdrew", candidateWithdrew: true);

        Assert.Equal(SittingState.Cancelled, cancelled.State);
        Assert.Null(candidate.OpenSittingId);
    }

    [Fact]
    public void Book_AfterAFailedAttemptUnderAnotherEnrolment_NextAttemptNumberAndCoolOffApply()
    {
        var history = new List<AttemptRecord> { new("s0", 1, false, Now.AddDays(-1)) };

        Assert.Throws<DomainRuleException>(() => SittingRules.Book(Eligible(), history, "e1", "s1", Now, DeliveryMode.Online, "", new ResitPolicy(), Now));
        var (sitting, _) = SittingRules.Book(Eligible(), history, "e1", "s1", Now, DeliveryMode.Online, "", new ResitPolicy { CoolOff = TimeSpan.Zero }, Now);

        Assert.Equal(2, sitting.AttemptNumber);
    }

    [Fact]
    public void Complete_InProgress_ScoredReleasedAndAttemptAppended()
    {
        var started = Started();
        var score = new SittingScore(true, 2, 2, 100, 60, [], Now, false);

        var (scored, candidate, history) = SittingRules.Complete(started, Eligible() with { OpenSittingId = "s1" }, [], score);

        Assert.Equal(SittingState.Scored, scored.State);
        Assert.Null(candidate.OpenSittingId);
        Assert.Equal(new AttemptRecord("s1", 1, true, Now), Assert.Single(history));
    }

    [Fact]
    public void Complete_Booked_DomainRule() =>
        Assert.Throws<DomainRuleException>(() => SittingRules.Complete(Booked().Sitting, Eligible(), [], new SittingScore(true, 0, 0, 0, 60, [], Now, false)));
}
