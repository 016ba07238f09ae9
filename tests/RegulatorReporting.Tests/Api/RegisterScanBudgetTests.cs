using Accreditation.Contracts.Reporting.V1;
using Accreditation.TestSupport;
using Grpc.Core;

namespace Accreditation.RegulatorReporting.Tests.Api;

/// <summary>A filter that matches little never makes one call read the whole register: pages end at the scan budget with a token.</summary>
[Collection(RedisGroup.Name)]
public sealed class RegisterScanBudgetTests(RedisFixture redis) : ReportingApiTestBase(redis)
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Reporting:RegisterScanBudget"] = "3" };

    [Fact]
    public async Task ListRegisterEntries_FilterMatchingNothing_PagesEndAtTheBudgetWithTokensUntilTheEnd()
    {
        for (var i = 0; i < 7; i++)
        {
            await InProgressAsync();
        }

        var request = new ListRegisterEntriesRequest { Status = AccreditationStatus.Accredited, PageSize = 10 };
        var calls = 0;
        do
        {
            var page = await Regulator.ListRegisterEntriesAsync(request);
            Assert.Empty(page.Entries);
            request.PageToken = page.NextPageToken;
            calls++;
        }
        while (request.PageToken.Length > 0 && calls < 10);

        Assert.InRange(calls, 3, 4);
        Assert.Empty(request.PageToken);
    }

    [Theory]
    [InlineData("foo")]
    [InlineData("E0800000")]
    [InlineData("X08000002")]
    public async Task ListRegisterEntries_AuthorityCodeNotAGssCode_InvalidArgumentNamingIt(string code)
    {
        var e = await FailsWith(StatusCode.InvalidArgument, () => Regulator.ListRegisterEntriesAsync(new ListRegisterEntriesRequest { AuthorityCode = code }).ResponseAsync);

        Assert.Equal("authority_code", FieldOf(e));
    }
}
