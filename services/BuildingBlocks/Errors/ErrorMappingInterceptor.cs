using System.Diagnostics;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Accreditation.BuildingBlocks.Errors;

/// <summary>
/// Turns exceptions into gRPC statuses: <see cref="ServiceException"/>s keep their code, message and
/// field; an unavailable store is UNAVAILABLE (safe to retry); anything else is INTERNAL with only
/// a trace id on the wire, never exception text.
/// </summary>
public sealed partial class ErrorMappingInterceptor(ILogger<ErrorMappingInterceptor> logger) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request,
        ServerCallContext context,
        UnaryServerMethod<TRequest, TResponse> continuation)
    {
        ArgumentNullException.ThrowIfNull(continuation);
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            return await continuation(request, context);
        }
        catch (Exception e) when (e is not RpcException)
        {
            throw Map(e, context);
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request,
        IServerStreamWriter<TResponse> responseStream,
        ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        ArgumentNullException.ThrowIfNull(continuation);
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            await continuation(request, responseStream, context);
        }
        catch (Exception e) when (e is not RpcException)
        {
            throw Map(e, context);
        }
    }

    private RpcException Map(Exception exception, ServerCallContext context)
    {
        var traceId = Activity.Current?.TraceId.ToString() ?? "";
        var trailers = new Metadata();
        if (traceId.Length > 0)
        {
            trailers.Add(ErrorTrailers.TraceId, traceId);
        }

        switch (exception)
        {
            case ServiceException known:
                if (known.Field is not null)
                {
                    trailers.Add(ErrorTrailers.Field, known.Field);
                }

                if (known is AlreadyExistsException { ExistingId: not null } exists)
                {
                    trailers.Add(exists.ExistingIdTrailer, exists.ExistingId);
                }

                // HTTP/JSON (transcoded) callers get status, message and the text trailers: transcoding
                // cannot write a binary trailer as a header (it would answer an empty 500 instead).
                if (known is ValidationException invalid && IsGrpcWire(context))
                {
                    trailers.Add(RichStatus.TrailerName, RichStatus.BadRequest(invalid, traceId));
                }

                var detail = known.Field is null ? known.Message : $"{known.Field}: {known.Message}";
                LogRejected(context.Method, known.Code, detail);
                return new RpcException(new Status(known.Code, detail), trailers);
            case OperationCanceledException when context.CancellationToken.IsCancellationRequested:
                return new RpcException(new Status(StatusCode.Cancelled, "the call was cancelled"), trailers);
            case RedisConnectionException or RedisTimeoutException:
                LogUnavailable(exception, context.Method);
                return new RpcException(new Status(StatusCode.Unavailable, "the store is unavailable; retry with the same client_request_id"), trailers);
            default:
                LogFailed(exception, context.Method, traceId);
                return new RpcException(new Status(StatusCode.Internal, $"internal error (trace id {traceId})"), trailers);
        }
    }

    /// <summary>Whether the call came as gRPC (not HTTP/JSON); a context without an HTTP request (unit tests) counts as gRPC.</summary>
    private static bool IsGrpcWire(ServerCallContext context)
    {
        Microsoft.AspNetCore.Http.HttpContext? http;
        try
        {
            http = context.GetHttpContext();
        }
        catch (InvalidOperationException)
        {
            return true;
        }

        return http is null || (http.Request.ContentType?.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) ?? false);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Method} rejected with {Code}: {Detail}")]
    private partial void LogRejected(string method, StatusCode code, string detail);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method} failed: store unavailable")]
    private partial void LogUnavailable(Exception exception, string method);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Method} failed unexpectedly (trace id {TraceId})")]
    private partial void LogFailed(Exception exception, string method, string traceId);
}
