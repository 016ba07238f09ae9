using Accreditation.BuildingBlocks.Auth;
using Accreditation.BuildingBlocks.Errors;
using Accreditation.Cli.Bank;
using Accreditation.Contracts.Common.V1;
using Accreditation.Contracts.Testing.V1;
using Accreditation.TestSupport;
using Grpc.Core;

namespace Accreditation.Testing.Tests.Api;

[Collection(RedisGroup.Name)]
public sealed class BankApiTests(RedisFixture redis) : TestingApiTestBase(redis)
{
    [Fact]
    public async Task ImportItems_SameBankAgainWithNewRequestId_EverythingUnchanged()
    {
        var request = SampleBank.Create();
        request.ClientRequestId = "second-import";

        var response = await BankAdmin.ImportItemsAsync(request);

        Assert.Equal(0, response.Created);
        Assert.Equal(request.Items.Count, response.Unchanged);
    }

    [Fact]
    public async Task ImportItems_ChangedItem_NewVersionAndOldVersionKept()
    {
        var request = new ImportItemsRequest { ClientRequestId = "edit" };
        var item = SampleBank.Create().Items[0].Clone();
        item.Stem = "A revised stem";
        request.Items.Add(item);

        var response = await BankAdmin.ImportItemsAsync(request);
        var latest = (await BankAdmin.GetItemAsync(new GetItemRequest { ItemId = item.ItemId })).Item;
        var first = (await BankAdmin.GetItemAsync(new GetItemRequest { ItemId = item.ItemId, Version = 1 })).Item;

        Assert.Equal(1, response.NewVersions);
        Assert.Equal(2, latest.Version);
        Assert.Equal("A revised stem", latest.Stem);
        Assert.NotEqual("A revised stem", first.Stem);
    }

    [Fact]
    public async Task ImportItems_BrokenItems_InvalidArgumentListingEveryProblemAndNothingImported()
    {
        var request = new ImportItemsRequest { ClientRequestId = "broken" };
        var good = SampleBank.Create().Items[0].Clone();
        good.ItemId = "NEW-1";
        var noKeys = good.Clone();
        noKeys.ItemId = "NEW-2";
        noKeys.Keys.Clear();
        var badStatement = good.Clone();
        badStatement.ItemId = "NEW-3";
        badStatement.KssStatement = 42;
        request.Items.AddRange([good, noKeys, badStatement]);

        var e = await FailsWith(StatusCode.InvalidArgument, () => BankAdmin.ImportItemsAsync(request).ResponseAsync);

        Assert.Equal(["items[1].keys", "items[2].kss_statement"], RichStatus.ViolationsOf(e).Select(v => v.Field));
        Assert.Equal("items[1].keys", FieldOf(e));
        await FailsWith(StatusCode.NotFound, () => BankAdmin.GetItemAsync(new GetItemRequest { ItemId = "NEW-1" }).ResponseAsync);
    }

    [Fact]
    public async Task ImportItems_RetriedWithSameRequestId_FirstAnswer()
    {
        var again = await BankAdmin.ImportItemsAsync(SampleBank.Create());

        Assert.Equal(SampleBank.Create().Items.Count, again.Created);
    }

    [Fact]
    public async Task RetireItem_Existing_RetiredAndStillReadable()
    {
        var id = SampleBank.Create().Items[0].ItemId;

        var retired = await BankAdmin.RetireItemAsync(new RetireItemRequest { ItemId = id });
        var again = await BankAdmin.RetireItemAsync(new RetireItemRequest { ItemId = id });

        Assert.Equal(ItemStatus.Retired, retired.Item.Status);
        Assert.Equal(retired.Item, again.Item);
        Assert.Equal(ItemStatus.Retired, (await BankAdmin.GetItemAsync(new GetItemRequest { ItemId = id, Version = 1 })).Item.Status);
    }

    [Fact]
    public async Task RetireItem_Unknown_NotFound() =>
        await FailsWith(StatusCode.NotFound, () => BankAdmin.RetireItemAsync(new RetireItemRequest { ItemId = "NOPE" }).ResponseAsync);

    [Fact]
    public async Task ListItems_Paged_EveryItemOfTheRoleOnce()
    {
        var expected = SampleBank.Create().Items.Where(i => i.Role == Role.PracticeSupervisor).Select(i => i.ItemId).Order(StringComparer.Ordinal).ToList();
        var seen = new List<string>();
        var request = new ListItemsRequest { Role = Role.PracticeSupervisor, Page = new PageRequest { PageSize = 7 } };
        do
        {
            var page = await BankAdmin.ListItemsAsync(request);
            seen.AddRange(page.Items.Select(i => i.ItemId));
            request.Page.PageToken = page.NextPageToken;
        }
        while (request.Page.PageToken.Length > 0);

        Assert.Equal(expected, seen);
    }

    [Fact]
    public async Task ListKssStatements_Both_EighteenStatements()
    {
        var all = await BankAdmin.ListKssStatementsAsync(new ListKssStatementsRequest());

        Assert.Equal(18, all.Statements.Count);
    }

    [Fact]
    public async Task ImportItems_DeliveryScope_PermissionDenied() =>
        await FailsWith(StatusCode.PermissionDenied, () =>
            new QuestionBankService.QuestionBankServiceClient(Host.InvokerFor(null, Scopes.TestDelivery)).ImportItemsAsync(SampleBank.Create()).ResponseAsync);

    [Fact]
    public async Task GetItem_WithoutToken_Unauthenticated() =>
        await FailsWith(StatusCode.Unauthenticated, () =>
            new QuestionBankService.QuestionBankServiceClient(Host.Channel).GetItemAsync(new GetItemRequest { ItemId = "x" }).ResponseAsync);
}
