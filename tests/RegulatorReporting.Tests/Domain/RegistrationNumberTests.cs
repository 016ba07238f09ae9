using Accreditation.RegulatorReporting.Domain;

namespace Accreditation.RegulatorReporting.Tests.Domain;

public sealed class RegistrationNumberTests
{
    [Theory]
    [InlineData("SW123", "SW123")]
    [InlineData("sw0042", "SW42")]
    [InlineData(" Sw999999 ", "SW999999")]
    public void Normalise_RegisterNumber_Canonical(string input, string expected) => Assert.Equal(expected, RegistrationNumber.Normalise(input));

    [Theory]
    [InlineData("")]
    [InlineData("SW")]
    [InlineData("SW0")]
    [InlineData("SW1234567")]
    [InlineData("XY123")]
    [InlineData("SW12a")]
    public void Normalise_NotARegisterNumber_Null(string input) => Assert.Null(RegistrationNumber.Normalise(input));
}
