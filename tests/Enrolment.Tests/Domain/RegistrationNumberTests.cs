using Accreditation.Enrolment.Domain;

namespace Accreditation.Enrolment.Tests.Domain;

public sealed class RegistrationNumberTests
{
    [Theory]
    [InlineData("SW1", "SW1")]
    [InlineData("SW123456", "SW123456")]
    [InlineData("sw42", "SW42")]
    [InlineData(" SW42 ", "SW42")]
    [InlineData("SW0042", "SW42")]
    [InlineData("SW000123456", "SW123456")]
    public void Normalise_ValidNumber_CanonicalForm(string input, string expected) =>
        Assert.Equal(expected, RegistrationNumber.Normalise(input));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("SW")]
    [InlineData("SW0")]
    [InlineData("SW000")]
    [InlineData("SW1234567")]
    [InlineData("SW12a")]
    [InlineData("XW123")]
    [InlineData("123")]
    [InlineData("SW-12")]
    [InlineData("SW١٢")]
    [InlineData("SW00000000000000000001")]
    public void Normalise_NotARegisterNumber_Null(string? input) =>
        Assert.Null(RegistrationNumber.Normalise(input));
}
