using Accreditation.BuildingBlocks.Auth;
using Accreditation.Contracts.Enrolment.V1;
using Accreditation.Enrolment.Application;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;

namespace Accreditation.Enrolment.Api;

/// <summary>The council HR API: maps gRPC calls onto <see cref="EnrolmentCommands"/> and shows each caller its own view.</summary>
[Authorize(Policy = Policies.CouncilHr)]
public sealed class EnrolmentGrpcService(EnrolmentCommands commands) : EnrolmentService.EnrolmentServiceBase
{
    public override async Task<EnrolCandidateResponse> EnrolCandidate(EnrolCandidateRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context);
        return new() { Enrolment = EnrolmentView.ForCaller(await commands.EnrolAsync(caller, request), caller.LocalAuthority) };
    }

    public override async Task<GetEnrolmentResponse> GetEnrolment(GetEnrolmentRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context);
        return new() { Enrolment = EnrolmentView.ForCaller(await commands.GetAsync(caller, request), caller.LocalAuthority) };
    }

    public override async Task<ListEnrolmentsResponse> ListEnrolments(ListEnrolmentsRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context);
        var response = await commands.ListAsync(caller, request);
        var views = response.Enrolments.Select(e => EnrolmentView.ForCaller(e, caller.LocalAuthority)).ToList();
        response.Enrolments.Clear();
        response.Enrolments.AddRange(views);
        return response;
    }

    public override async Task<EndorseEnrolmentResponse> EndorseEnrolment(EndorseEnrolmentRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context);
        return new() { Enrolment = EnrolmentView.ForCaller(await commands.EndorseAsync(caller, request), caller.LocalAuthority) };
    }

    public override async Task<WithdrawEnrolmentResponse> WithdrawEnrolment(WithdrawEnrolmentRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context);
        return new() { Enrolment = EnrolmentView.ForCaller(await commands.WithdrawAsync(caller, request), caller.LocalAuthority) };
    }

    public override async Task<MoveEnrolmentResponse> MoveEnrolment(MoveEnrolmentRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context);
        return new() { Enrolment = EnrolmentView.ForCaller(await commands.MoveAsync(caller, request), caller.LocalAuthority) };
    }
}
