using Accreditation.BuildingBlocks.Errors;
using Accreditation.Enrolment.Domain;

namespace Accreditation.Enrolment.Tests.Domain;

public sealed class ListPageTokenTests
{
    [Fact]
    public void Decode_EncodedToken_SamePosition() =>
        Assert.Equal(12345, ListPageToken.Decode(new ListPageToken(12345, "1|0").Encode(), "1|0"));

    [Fact]
    public void Decode_Empty_Start() => Assert.Equal(0, ListPageToken.Decode("", "1|0"));

    [Fact]
    public void Decode_OtherFilter_InvalidArgument() =>
        Assert.Equal("page.page_token", Assert.Throws<ValidationException>(() => ListPageToken.Decode(new ListPageToken(1, "1|0").Encode(), "2|0")).Field);

    [Theory]
    [InlineData("%%%")]
    [InlineData("djF8eHx5")]
    public void Decode_Garbage_InvalidArgument(string token) =>
        Assert.Throws<ValidationException>(() => ListPageToken.Decode(token, "0|0"));
}
