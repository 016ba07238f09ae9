using Accreditation.BuildingBlocks.Auth;
using Accreditation.Contracts.Testing.V1;
using Accreditation.Testing.Application;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;

namespace Accreditation.Testing.Api;

/// <summary>Bank administration API.</summary>
[Authorize(Policy = Policies.BankAdmin)]
public sealed class QuestionBankGrpcService(BankCommands commands) : QuestionBankService.QuestionBankServiceBase
{
    public override Task<ImportItemsResponse> ImportItems(ImportItemsRequest request, ServerCallContext context) =>
        commands.ImportAsync(Caller.From(context), request);

    public override async Task<RetireItemResponse> RetireItem(RetireItemRequest request, ServerCallContext context) =>
        new() { Item = await commands.RetireAsync(request) };

    public override async Task<GetItemResponse> GetItem(GetItemRequest request, ServerCallContext context) =>
        new() { Item = await commands.GetAsync(request) };

    public override Task<ListItemsResponse> ListItems(ListItemsRequest request, ServerCallContext context) =>
        commands.ListAsync(request);

    public override Task<ListKssStatementsResponse> ListKssStatements(ListKssStatementsRequest request, ServerCallContext context) =>
        Task.FromResult(commands.ListStatements(request));
}
