using Accreditation.LoadGen.Measurement;

namespace Accreditation.LoadGen.Tests.Measurement;

public sealed class ProcStatTests
{
    [Fact]
    public void TryParseCpuSeconds_TypicalLine_AddsUserAndSystemTicks()
    {
        const string line = "4242 (dotnet) S 1 4242 4242 0 -1 4194304 12345 0 0 0 250 75 0 0 20 0 20 0 123456 1234567890 5000 18446744073709551615";

        Assert.True(ProcStat.TryParseCpuSeconds(line, out var seconds));
        Assert.Equal(3.25, seconds, 6);
    }

    [Fact]
    public void TryParseCpuSeconds_NameWithSpacesAndParentheses_CountsFromTheLastParenthesis()
    {
        const string line = "77 (my (odd) name) R 1 77 77 0 -1 0 0 0 0 0 100 100 0 0 20 0 1 0 1 1 1";

        Assert.True(ProcStat.TryParseCpuSeconds(line, out var seconds));
        Assert.Equal(2, seconds, 6);
    }

    [Theory]
    [InlineData("")]
    [InlineData("garbage")]
    [InlineData("1 (x) S 1 2 3")]
    public void TryParseCpuSeconds_Malformed_IsFalse(string line)
    {
        Assert.False(ProcStat.TryParseCpuSeconds(line, out _));
    }

    [Fact]
    public void CpuSecondsOf_OwnProcess_ReadsWhenProcExists()
    {
        var seconds = ProcStat.CpuSecondsOf(Environment.ProcessId);

        Assert.Equal(File.Exists("/proc/self/stat"), seconds is not null);
    }
}
