using Accreditation.BuildingBlocks.Errors;
using Accreditation.RegulatorReporting.Domain;

namespace Accreditation.RegulatorReporting.Tests.Domain;

public sealed class FeedCursorTests
{
    private static readonly FeedCursor Cursors = new("feed-cursor-tests-key-0123456789abcdef");

    [Fact]
    public void Decode_IssuedCursor_SamePosition()
    {
        var position = new FeedPosition(1_767_600_000_000, 7);

        Assert.Equal(position, Cursors.Decode(Cursors.Encode(position)));
    }

    [Fact]
    public void Decode_Empty_Start() => Assert.Equal(FeedPosition.Start, Cursors.Decode(""));

    [Theory]
    [InlineData("not-a-cursor")]
    [InlineData("AAAA")]
    [InlineData("%%%")]
    public void Decode_Garbage_InvalidArgumentNamingCursor(string cursor)
    {
        var e = Assert.Throws<ValidationException>(() => Cursors.Decode(cursor));

        Assert.Equal("cursor", e.Field);
    }

    [Fact]
    public void Decode_PositionChanged_InvalidArgument()
    {
        var issued = Convert.FromBase64String(Base64(Cursors.Encode(new FeedPosition(1000, 1))));
        issued[5] ^= 1;
        var forged = Convert.ToBase64String(issued).TrimEnd('=').Replace('+', '-').Replace('/', '_');

        Assert.Throws<ValidationException>(() => Cursors.Decode(forged));
    }

    [Fact]
    public void Decode_AnotherKeysCursor_InvalidArgument()
    {
        var other = new FeedCursor("another-deployments-key-0123456789abcdef");

        Assert.Throws<ValidationException>(() => Cursors.Decode(other.Encode(new FeedPosition(1000, 1))));
    }

    private static string Base64(string url)
    {
        var s = url.Replace('-', '+').Replace('_', '/');
        return s.PadRight(s.Length + ((4 - (s.Length % 4)) % 4), '=');
    }
}
