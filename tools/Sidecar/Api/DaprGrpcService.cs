using Accreditation.Sidecar.CloudEvents;
using Accreditation.Sidecar.Protos;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace Accreditation.Sidecar.Api;

/// <summary>The publish part of dapr.proto.runtime.v1.Dapr, as Dapr SDK clients call it.</summary>
public sealed class DaprGrpcService(Publisher publisher, Hosting.PubSubRegistry registry) : Protos.Dapr.DaprBase
{
    public override async Task<Empty> PublishEvent(PublishEventRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var failure = await publisher.PublishAsync(new PublishMessage
        {
            PubSubName = request.PubsubName,
            Topic = request.Topic,
            Data = request.Data.Memory,
            DataContentType = request.DataContentType,
            Metadata = new Dictionary<string, string>(request.Metadata, StringComparer.Ordinal),
            TraceParent = Header(context, "traceparent"),
            TraceState = Header(context, "tracestate"),
        });
        if (failure is not null)
        {
            throw ToRpcException(failure);
        }

        return new Empty();
    }

    public override Task<BulkPublishResponse> BulkPublishEvent(BulkPublishRequest request, ServerCallContext context) =>
        BulkPublish(request, context);

    public override Task<BulkPublishResponse> BulkPublishEventAlpha1(BulkPublishRequest request, ServerCallContext context) =>
        BulkPublish(request, context);

    private async Task<BulkPublishResponse> BulkPublish(BulkPublishRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var response = new BulkPublishResponse();
        if (string.IsNullOrEmpty(request.Topic))
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"topic is empty in pubsub {request.PubsubName}"));
        }

        var broker = registry.Find(request.PubsubName)
            ?? throw new RpcException(new Status(StatusCode.InvalidArgument, $"pubsub {request.PubsubName} is not found"));

        // As daprd: a topic outside the scopes fails the whole call, not entry by entry.
        if (!broker.Component.Scopes.MayPublish(request.Topic))
        {
            throw ToRpcException(publisher.Forbidden(request.Topic));
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in request.Entries)
        {
            if (string.IsNullOrEmpty(entry.EntryId) || !seen.Add(entry.EntryId))
            {
                throw new RpcException(new Status(StatusCode.InvalidArgument, "every entry needs a unique entryId"));
            }
        }

        foreach (var entry in request.Entries)
        {
            // Entry metadata wins over request metadata, as in daprd.
            var metadata = new Dictionary<string, string>(request.Metadata, StringComparer.Ordinal);
            foreach (var (key, value) in entry.Metadata)
            {
                metadata[key] = value;
            }

            var failure = await publisher.PublishAsync(new PublishMessage
            {
                PubSubName = request.PubsubName,
                Topic = request.Topic,
                Data = entry.Event.Memory,
                DataContentType = entry.ContentType,
                Metadata = metadata,
                TraceParent = Header(context, "traceparent"),
                TraceState = Header(context, "tracestate"),
            });
            if (failure is not null)
            {
                response.FailedEntries.Add(new BulkPublishResponseFailedEntry { EntryId = entry.EntryId, Error = failure.Message });
            }
        }

        return response;
    }

    private static RpcException ToRpcException(PublishFailure failure)
    {
        var code = failure.Kind switch
        {
            PublishError.InvalidArgument or PublishError.PubSubNotFound => StatusCode.InvalidArgument,
            PublishError.Forbidden => StatusCode.PermissionDenied,
            _ => StatusCode.Internal,
        };
        return new RpcException(new Status(code, failure.Message));
    }

    private static string? Header(ServerCallContext context, string name) =>
        context.RequestHeaders.GetValue(name) is { Length: > 0 } value ? value : null;
}
