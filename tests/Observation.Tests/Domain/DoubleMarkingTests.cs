using Accreditation.BuildingBlocks.Errors;
using Accreditation.Observation.Domain;

namespace Accreditation.Observation.Tests.Domain;

public sealed class DoubleMarkingTests
{
    [Fact]
    public void SecondMarkerConflict_SameAssessorAsFirst_Conflict() =>
        Assert.Contains("may not second-mark", DoubleMarking.SecondMarkerConflict("a1", "a1"), StringComparison.Ordinal);

    [Fact]
    public void SecondMarkerConflict_AnotherAssessor_None() =>
        Assert.Null(DoubleMarking.SecondMarkerConflict("a1", "a2"));

    [Fact]
    public void EnsureMaySecondMark_SameAssessor_FailedPreconditionNamingField()
    {
        var e = Assert.Throws<DomainRuleException>(() => DoubleMarking.EnsureMaySecondMark("a1", "a1", "assessor_id"));

        Assert.Equal("assessor_id", e.Field);
    }

    [Theory]
    [InlineData("first")]
    [InlineData("second")]
    public void EnsureMayModerate_OneOfTheMarkers_FailedPrecondition(string moderator) =>
        Assert.Throws<DomainRuleException>(() => DoubleMarking.EnsureMayModerate(Sessions.Scheduled("first", "second"), moderator));

    [Fact]
    public void EnsureMayModerate_SomeoneElse_Allowed() =>
        DoubleMarking.EnsureMayModerate(Sessions.Scheduled("first", "second"), "moderator");
}
