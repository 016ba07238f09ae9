using Accreditation.LoadGen.Run;

namespace Accreditation.LoadGen.Tests.Run;

public sealed class PathNamesTests
{
    [Fact]
    public void Parse_AnyOrder_GivesMeasuringOrderAndUnknownNames()
    {
        var paths = PathNames.Parse("lag, enrol,ECHO,bogus", out var unknown);

        Assert.Equal(["echo", "enrol", "lag"], paths);
        Assert.Equal(["bogus"], unknown);
    }
}
