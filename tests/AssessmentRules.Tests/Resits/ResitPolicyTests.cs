using Accreditation.BuildingBlocks.Errors;
using Accreditation.AssessmentRules.Resits;

namespace Accreditation.AssessmentRules.Tests.Resits;

public sealed class ResitPolicyTests
{
    private const string Component = "the knowledge test";

    private static readonly DateTimeOffset FailedAt = new(2026, 1, 10, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void EnsureMayBook_FirstAttempt_Allowed() => new ResitPolicy().EnsureMayBook([], FailedAt, Component);

    [Fact]
    public void EnsureMayBook_WithinCoolOff_FailedPreconditionNamingEarliestDate()
    {
        var policy = new ResitPolicy { CoolOff = TimeSpan.FromDays(28) };

        var e = Assert.Throws<DomainRuleException>(() => policy.EnsureMayBook([new AttemptRecord("s1", 1, false, FailedAt)], FailedAt.AddDays(27), Component));

        Assert.Contains("2026-02-07T09:00:00Z", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EnsureMayBook_AfterCoolOff_Allowed() =>
        new ResitPolicy { CoolOff = TimeSpan.FromDays(28) }.EnsureMayBook([new AttemptRecord("s1", 1, false, FailedAt)], FailedAt.AddDays(28), Component);

    [Fact]
    public void EnsureMayBook_AttemptLimitReached_FailedPreconditionNamingLimit()
    {
        var policy = new ResitPolicy { CoolOff = TimeSpan.Zero, MaxAttempts = 2 };

        var e = Assert.Throws<DomainRuleException>(() => policy.EnsureMayBook(
            [new AttemptRecord("s1", 1, false, FailedAt), new AttemptRecord("s2", 2, false, FailedAt.AddDays(1))], FailedAt.AddYears(1), Component));

        Assert.Contains("2 attempts", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EnsureMayBook_AlreadyPassed_FailedPrecondition() =>
        Assert.Throws<DomainRuleException>(() => new ResitPolicy().EnsureMayBook([new AttemptRecord("s1", 1, true, FailedAt)], FailedAt.AddYears(1), Component));
}
