using Accreditation.Contracts.Common.V1;
using Accreditation.Contracts.Reporting.V1;
using Accreditation.TestSupport;
using Grpc.Core;

namespace Accreditation.RegulatorReporting.Tests.Api;

[Collection(RedisGroup.Name)]
public sealed class RegisterListTests(RedisFixture redis) : ReportingApiTestBase(redis)
{
    [Fact]
    public async Task ListRegisterEntries_Filters_OnlyMatchingEntries()
    {
        var early = await AccreditedAsync(practiceDay: 20);
        var late = await AccreditedAsync(practiceDay: 60, authority: Wigan);
        var supervisor = await AccreditedAsync(role: Role.PracticeSupervisor, practiceDay: 30, phase: "phase-2");
        var waiting = await InProgressAsync();

        Assert.Equal([early.RegistrationNumber, late.RegistrationNumber, supervisor.RegistrationNumber, waiting.RegistrationNumber], await NumbersAsync(new ListRegisterEntriesRequest()));
        Assert.Equal([waiting.RegistrationNumber], await NumbersAsync(new ListRegisterEntriesRequest { Status = AccreditationStatus.NotAccredited }));
        Assert.Equal([late.RegistrationNumber], await NumbersAsync(new ListRegisterEntriesRequest { AuthorityCode = Authorities.Wigan.ToLowerInvariant() }));
        Assert.Equal([supervisor.RegistrationNumber], await NumbersAsync(new ListRegisterEntriesRequest { Role = Role.PracticeSupervisor }));
        Assert.Equal([supervisor.RegistrationNumber], await NumbersAsync(new ListRegisterEntriesRequest { Phase = "phase-2" }));
        Assert.Equal([early.RegistrationNumber, supervisor.RegistrationNumber], await NumbersAsync(new ListRegisterEntriesRequest { AccreditedFrom = Day(20), AccreditedBefore = Day(31) }));
    }

    [Fact]
    public async Task ListRegisterEntries_Paged_EveryEntryOnceInRegisterOrder()
    {
        var numbers = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            numbers.Add((await InProgressAsync()).RegistrationNumber);
        }

        var seen = new List<string>();
        var request = new ListRegisterEntriesRequest { PageSize = 3 };
        do
        {
            var page = await Regulator.ListRegisterEntriesAsync(request);
            Assert.True(page.Entries.Count <= 3);
            seen.AddRange(page.Entries.Select(e => e.RegistrationNumber));
            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken.Length > 0);

        Assert.Equal(numbers.OrderBy(n => long.Parse(n[2..], System.Globalization.CultureInfo.InvariantCulture)), seen);
    }

    [Fact]
    public async Task ListRegisterEntries_TokenWithOtherFilters_InvalidArgument()
    {
        await InProgressAsync();
        await InProgressAsync();
        var page = await Regulator.ListRegisterEntriesAsync(new ListRegisterEntriesRequest { PageSize = 1 });

        var e = await FailsWith(StatusCode.InvalidArgument, () => Regulator.ListRegisterEntriesAsync(new ListRegisterEntriesRequest { PageSize = 1, PageToken = page.NextPageToken, Role = Role.PracticeSupervisor }).ResponseAsync);

        Assert.Equal("page_token", FieldOf(e));
    }

    [Theory]
    [InlineData("page_size")]
    [InlineData("page_token")]
    [InlineData("role")]
    [InlineData("status")]
    [InlineData("authority_code")]
    [InlineData("accredited_before")]
    public async Task ListRegisterEntries_Malformed_InvalidArgumentNamingTheField(string field)
    {
        var request = field switch
        {
            "page_size" => new ListRegisterEntriesRequest { PageSize = 1001 },
            "page_token" => new ListRegisterEntriesRequest { PageToken = "forged" },
            "role" => new ListRegisterEntriesRequest { Role = (Role)9 },
            "status" => new ListRegisterEntriesRequest { Status = (AccreditationStatus)9 },
            "authority_code" => new ListRegisterEntriesRequest { AuthorityCode = "   " },
            _ => new ListRegisterEntriesRequest { AccreditedFrom = Day(10), AccreditedBefore = Day(5) },
        };

        var e = await FailsWith(StatusCode.InvalidArgument, () => Regulator.ListRegisterEntriesAsync(request).ResponseAsync);

        Assert.Equal(field, FieldOf(e));
    }

    private async Task<List<string>> NumbersAsync(ListRegisterEntriesRequest request) =>
        [.. (await Regulator.ListRegisterEntriesAsync(request)).Entries.Select(e => e.RegistrationNumber)];
}
