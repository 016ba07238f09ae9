using System.Security.Claims;
using Accreditation.BuildingBlocks.Auth;
using Accreditation.BuildingBlocks.Errors;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Accreditation.BuildingBlocks.Tests.Auth;

public sealed class CallerTests
{
    private static readonly AuthOptions Options = new() { SigningKey = new string('k', 40) };

    [Fact]
    public async Task Mint_DevelopmentToken_ValidatesWithTheSameKeyAndCarriesScopesAndAuthority()
    {
        var token = DevelopmentTokens.Mint(Options, "hr-bury", [Scopes.EnrolmentHr, "other"], "E08000002", TimeSpan.FromMinutes(5));

        var result = await new JsonWebTokenHandler { MapInboundClaims = false }.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = Options.Issuer,
            ValidAudience = Options.Audience,
            IssuerSigningKey = DevelopmentTokens.SigningKeyOf(Options),
        });

        Assert.True(result.IsValid);
        var caller = Caller.From(new ClaimsPrincipal(result.ClaimsIdentity));
        Assert.Equal("hr-bury", caller.Subject);
        Assert.Contains(Scopes.EnrolmentHr, caller.Scopes);
        Assert.Equal("E08000002", caller.RequireLocalAuthority());
    }

    [Fact]
    public void RequireLocalAuthority_TwoAuthorityClaims_PermissionDenied()
    {
        var identity = new ClaimsIdentity([new Claim(ClaimNames.LocalAuthority, "E08000002"), new Claim(ClaimNames.LocalAuthority, "E08000003")], "test");

        Assert.Throws<PermissionDeniedException>(() => Caller.From(new ClaimsPrincipal(identity)).RequireLocalAuthority());
    }

    [Fact]
    public void SigningKeyOf_ShortKey_Refused()
    {
        Assert.Throws<InvalidOperationException>(() => DevelopmentTokens.SigningKeyOf(new AuthOptions { SigningKey = "short" }));
    }

    [Theory]
    [InlineData(" e08000002 ", "E08000002")]
    [InlineData("E08000016", "E08000038")]
    [InlineData("e10000023", "E06000065")]
    [InlineData("E06000028", "E06000058")]
    [InlineData("E10000021", "E10000021")]
    public void From_AuthorityClaim_NormalisedOnce(string claim, string expected)
    {
        var identity = new ClaimsIdentity([new Claim(ClaimNames.Subject, "hr"), new Claim(ClaimNames.LocalAuthority, claim)], "test");

        Assert.Equal(expected, Caller.From(new ClaimsPrincipal(identity)).LocalAuthority);
    }

    [Fact]
    public void From_OldAndNewCodeOfOneAuthority_OneAuthority()
    {
        var identity = new ClaimsIdentity([new Claim(ClaimNames.LocalAuthority, "E08000016"), new Claim(ClaimNames.LocalAuthority, "e08000038")], "test");

        Assert.Equal("E08000038", Caller.From(new ClaimsPrincipal(identity)).RequireLocalAuthority());
    }
}
