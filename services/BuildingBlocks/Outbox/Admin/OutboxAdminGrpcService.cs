using Accreditation.BuildingBlocks.Auth;
using Accreditation.BuildingBlocks.Errors;
using Accreditation.BuildingBlocks.Validation;
using Accreditation.Contracts.Operations.V1;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;

namespace Accreditation.BuildingBlocks.Outbox.Admin;

/// <summary>The outbox's operator API, served by every service with an outbox (scope operations).</summary>
[Authorize(Policy = Policies.Operations)]
public sealed class OutboxAdminGrpcService(OutboxStore store) : OutboxAdminService.OutboxAdminServiceBase
{
    public const int DefaultMaxEntries = 100;
    public const int MaxEntries = 1000;

    public override async Task<GetOutboxStatusResponse> GetOutboxStatus(GetOutboxStatusRequest request, ServerCallContext context)
    {
        var oldest = await store.OldestPendingAsync();
        return new GetOutboxStatusResponse
        {
            Pending = await store.CountPendingAsync(),
            Parked = await store.CountParkedAsync(),
            OldestPendingAt = oldest is null ? null : Timestamp.FromDateTimeOffset(oldest.Value),
        };
    }

    public override async Task<ListParkedEntriesResponse> ListParkedEntries(ListParkedEntriesRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.MaxEntries is < 0 or > MaxEntries)
        {
            throw new ValidationException("max_entries", $"must be between 0 and {MaxEntries}");
        }

        var parked = await store.ListParkedAsync(request.MaxEntries == 0 ? DefaultMaxEntries : request.MaxEntries);
        var response = new ListParkedEntriesResponse();
        response.Entries.AddRange(parked.Select(p => new Contracts.Operations.V1.ParkedEntry
        {
            EntryId = p.Id,
            Topic = p.Topic,
            EventType = p.EventType,
            CreatedAt = Timestamp.FromDateTimeOffset(p.CreatedAt),
            ParkedAt = Timestamp.FromDateTimeOffset(p.ParkedAt),
            Reason = p.Reason,
            Refusals = p.Refusals,
        }));
        return response;
    }

    public override async Task<RequeueParkedEntryResponse> RequeueParkedEntry(RequeueParkedEntryRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        var id = Require.Id("entry_id", request.EntryId);
        if (await store.RequeueAsync(id))
        {
            return new RequeueParkedEntryResponse();
        }

        throw await store.IsParkedAsync(id)
            ? new DomainRuleException($"parked entry {id} cannot be read and stays parked", "entry_id")
            : new NotFoundException($"no parked entry {id}", "entry_id");
    }
}
