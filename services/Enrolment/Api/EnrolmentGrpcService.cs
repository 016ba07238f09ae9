using Accreditation.BuildingBlocks.Auth;
using Accreditation.Contracts.Enrolment.V1;
using Accreditation.Enrolment.Application;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;

namespace Accreditation.Enrolment.Api;

/// <summary>The council HR API: maps gRPC calls onto <see cref="EnrolmentCommands"/>.</summary>
[Authorize(Policy = Policies.CouncilHr)]
public sealed class EnrolmentGrpcService(EnrolmentCommands commands) : EnrolmentService.EnrolmentServiceBase
{
    public override async Task<EnrolCandidateResponse> EnrolCandidate(EnrolCandidateRequest request, ServerCallContext context) =>
        new() { Enrolment = await commands.EnrolAsync(Caller.From(context), request) };

    public override async Task<GetEnrolmentResponse> GetEnrolment(GetEnrolmentRequest request, ServerCallContext context) =>
        new() { Enrolment = await commands.GetAsync(Caller.From(context), request) };

    public override Task<ListEnrolmentsResponse> ListEnrolments(ListEnrolmentsRequest request, ServerCallContext context) =>
        commands.ListAsync(Caller.From(context), request);

    public override async Task<EndorseEnrolmentResponse> EndorseEnrolment(EndorseEnrolmentRequest request, ServerCallContext context) =>
        new() { Enrolment = await commands.EndorseAsync(Caller.From(context), request) };

    public override async Task<WithdrawEnrolmentResponse> WithdrawEnrolment(WithdrawEnrolmentRequest request, ServerCallContext context) =>
        new() { Enrolment = await commands.WithdrawAsync(Caller.From(context), request) };

    public override async Task<MoveEnrolmentResponse> MoveEnrolment(MoveEnrolmentRequest request, ServerCallContext context) =>
        new() { Enrolment = await commands.MoveAsync(Caller.From(context), request) };
}
