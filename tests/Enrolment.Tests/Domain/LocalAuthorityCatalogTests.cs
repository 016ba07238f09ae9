using Accreditation.Enrolment.Domain;

namespace Accreditation.Enrolment.Tests.Domain;

public sealed class LocalAuthorityCatalogTests
{
    private static readonly LocalAuthorityCatalog Catalog = LocalAuthorityCatalog.LoadEmbedded();

    [Fact]
    public void LoadEmbedded_ShippedList_Has153AuthoritiesWithUniqueCodes()
    {
        Assert.Equal(153, Catalog.All.Count);
        Assert.Equal(153, Catalog.All.Select(a => a.GssCode).Distinct().Count());
        Assert.Equal(153, Catalog.All.Select(a => a.LaNumber).Distinct().Count());
    }

    [Theory]
    [InlineData("E08000002", "351", "Bury")]
    [InlineData("E08000003", "352", "Manchester")]
    [InlineData("E08000004", "353", "Oldham")]
    [InlineData("E08000010", "359", "Wigan")]
    [InlineData("E08000035", "383", "Leeds")]
    [InlineData("e06000023", "801", "Bristol, City of")]
    public void Find_KnownCode_AuthorityWithLaNumberAndName(string code, string laNumber, string name)
    {
        var authority = Catalog.Find(code);

        Assert.NotNull(authority);
        Assert.Equal(laNumber, authority.LaNumber);
        Assert.Equal(name, authority.Name);
    }

    [Theory]
    [InlineData("E08000016", "E08000038")]
    [InlineData("E08000019", "E08000039")]
    public void Find_CodeBeforeThe2025Recode_TheSameAuthority(string oldCode, string newCode) =>
        Assert.Equal(newCode, Catalog.Find(oldCode)?.GssCode);

    [Theory]
    [InlineData("W06000015")]
    [InlineData("E07000001")]
    [InlineData("")]
    public void Find_NotAnEnglishChildrensServicesAuthority_Null(string code) => Assert.Null(Catalog.Find(code));

    [Fact]
    public void Parse_QuotedNameWithComma_KeepsTheComma()
    {
        var catalog = LocalAuthorityCatalog.Parse("gss_code,la_number,name,region\nE06000010,810,\"Kingston upon Hull, City of\",Yorkshire and The Humber\n");

        Assert.Equal("Kingston upon Hull, City of", Assert.Single(catalog.All).Name);
    }
}
