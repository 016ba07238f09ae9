using Accreditation.BuildingBlocks.Auth;
using Accreditation.Contracts.Testing.V1;
using Accreditation.Testing.Application;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;

namespace Accreditation.Testing.Api;

/// <summary>Test delivery API. Never returns keys or per-item correctness.</summary>
[Authorize(Policy = Policies.TestDelivery)]
public sealed class TestDeliveryGrpcService(DeliveryCommands commands) : TestDeliveryService.TestDeliveryServiceBase
{
    public override async Task<BookSittingResponse> BookSitting(BookSittingRequest request, ServerCallContext context) =>
        new() { Sitting = await commands.BookAsync(Caller.From(context), request) };

    public override async Task<CancelSittingResponse> CancelSitting(CancelSittingRequest request, ServerCallContext context) =>
        new() { Sitting = await commands.CancelAsync(Caller.From(context), request) };

    public override Task<StartSittingResponse> StartSitting(StartSittingRequest request, ServerCallContext context) =>
        commands.StartAsync(Caller.From(context), request);

    public override async Task<SaveAnswersResponse> SaveAnswers(SaveAnswersRequest request, ServerCallContext context) =>
        new() { Sitting = await commands.SaveAnswersAsync(Caller.From(context), request) };

    public override async Task<SubmitSittingResponse> SubmitSitting(SubmitSittingRequest request, ServerCallContext context) =>
        new() { Sitting = await commands.SubmitAsync(Caller.From(context), request) };

    public override async Task<GetSittingResponse> GetSitting(GetSittingRequest request, ServerCallContext context) =>
        new() { Sitting = await commands.GetAsync(Caller.From(context), request) };
}
