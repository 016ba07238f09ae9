using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.AspNetCore.Grpc.JsonTranscoding;

namespace Accreditation.RegulatorReporting.Api;

/// <summary>
/// Outermost interceptor: for calls arriving as HTTP/JSON (transcoded), drops the binary trailers
/// (the rich error details, grpc-status-details-bin) from a failure, which JSON transcoding cannot
/// write as response headers (it answers 500 with no body instead of the status). The status code,
/// message and the text trailers (x-error-field, the trace id) still reach the HTTP caller.
/// </summary>
public sealed class TranscodedErrorInterceptor : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        ArgumentNullException.ThrowIfNull(continuation);
        try
        {
            return await continuation(request, context);
        }
        catch (RpcException e) when (IsTranscoded(context))
        {
            throw WithoutBinaryTrailers(e);
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        ArgumentNullException.ThrowIfNull(continuation);
        try
        {
            await continuation(request, responseStream, context);
        }
        catch (RpcException e) when (IsTranscoded(context))
        {
            throw WithoutBinaryTrailers(e);
        }
    }

    private static bool IsTranscoded(ServerCallContext context) =>
        context.GetHttpContext().GetEndpoint()?.Metadata.GetMetadata<GrpcJsonTranscodingMetadata>() is not null;

    private static RpcException WithoutBinaryTrailers(RpcException e)
    {
        var trailers = new Metadata();
        foreach (var entry in e.Trailers.Where(t => !t.IsBinary))
        {
            trailers.Add(entry);
        }

        return new RpcException(e.Status, trailers, e.Message);
    }
}
