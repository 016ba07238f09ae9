using Accreditation.Contracts.Common.V1;
using Accreditation.AssessmentRules.Eligibility;

namespace Accreditation.AssessmentRules.Tests.Eligibility;

public sealed class EligibilityTests
{
    private static EnrolmentFact Fact(EnrolmentFactKind kind, long version, string authority = "E08000002") =>
        new("e1", "SW1", Role.ChildAndFamilyPractitioner, new LocalAuthorityRef { GssCode = authority }, version, kind);

    private static CandidateEligibility Fold(IEnumerable<EnrolmentFact> facts) => facts.Aggregate((CandidateEligibility?)null, AssessmentRules.Eligibility.Eligibility.Apply)!;

    private static IEnumerable<List<T>> Permutations<T>(List<T> items) =>
        items.Count <= 1 ? [items] : items.SelectMany((item, i) => Permutations(items.Where((_, j) => j != i).ToList()).Select(rest => (List<T>)[item, .. rest]));

    [Fact]
    public void Apply_EnrolledEndorsedMovedInAnyOrder_EligibleWithNewestAuthority()
    {
        List<EnrolmentFact> facts = [Fact(EnrolmentFactKind.Enrolled, 1), Fact(EnrolmentFactKind.Endorsed, 2), Fact(EnrolmentFactKind.Moved, 3, "E08000010")];

        foreach (var order in Permutations(facts))
        {
            var record = Fold(order);
            Assert.True(record.Eligible);
            Assert.Equal("E08000010", record.AuthorityCode);
        }
    }

    [Fact]
    public void Apply_WithdrawnInAnyOrder_NeverEligible()
    {
        List<EnrolmentFact> facts = [Fact(EnrolmentFactKind.Enrolled, 1), Fact(EnrolmentFactKind.Endorsed, 2), Fact(EnrolmentFactKind.Withdrawn, 3)];

        Assert.All(Permutations(facts), order => Assert.False(Fold(order).Eligible));
    }

    [Fact]
    public void Apply_OnlyEnrolled_NotEligible() => Assert.False(Fold([Fact(EnrolmentFactKind.Enrolled, 1)]).Eligible);
}
