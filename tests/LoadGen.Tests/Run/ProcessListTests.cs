using Accreditation.LoadGen.Run;

namespace Accreditation.LoadGen.Tests.Run;

public sealed class ProcessListTests
{
    [Fact]
    public void TryParse_Pairs_GivesNamesAndPids()
    {
        Assert.True(ProcessList.TryParse("enrolment=123, reporting=456", out var pids, out _));
        Assert.Equal(123, pids["enrolment"]);
        Assert.Equal(456, pids["reporting"]);
    }

    [Theory]
    [InlineData("enrolment")]
    [InlineData("=12")]
    [InlineData("x=abc")]
    public void TryParse_Malformed_IsFalseWithAnError(string text)
    {
        Assert.False(ProcessList.TryParse(text, out _, out var error));
        Assert.Contains("--pids", error, StringComparison.Ordinal);
    }
}
