using System.Buffers.Binary;
using System.Collections.Concurrent;
using Google.Protobuf;
using Grpc.AspNetCore.Server;
using Grpc.Core;
using Microsoft.AspNetCore.Http;

namespace Accreditation.BuildingBlocks.Errors;

/// <summary>
/// A unary gRPC request whose message cannot be decoded is the caller's mistake: answer
/// INVALID_ARGUMENT instead of the UNKNOWN that gRPC gives when deserialization fails before any
/// interceptor runs. Reads the (small, single-message) request body once, checks it decodes, and
/// rewinds it for the real handler.
/// </summary>
public sealed class UndecodableRequestMiddleware(RequestDelegate next)
{
    private const int MaxMessageBytes = 4 * 1024 * 1024;
    private static readonly ConcurrentDictionary<IMethod, Func<byte[], object>?> Deserializers = new();

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var method = context.GetEndpoint()?.Metadata.GetMetadata<GrpcMethodMetadata>()?.Method;
        if (method is null || method.Type != MethodType.Unary || context.Request.ContentLength > MaxMessageBytes + 5)
        {
            await next(context);
            return;
        }

        var deserialize = Deserializers.GetOrAdd(method, DeserializerOf);
        if (deserialize is null)
        {
            await next(context);
            return;
        }

        context.Request.EnableBuffering();
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxMessageBytes + 5)
            {
                // Too large to check here; gRPC's own size limit answers it.
                context.Request.Body.Position = 0;
                await next(context);
                return;
            }
        }

        context.Request.Body.Position = 0;
        var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        if (bytes.Length >= 5 && bytes[0] == 0 && BinaryPrimitives.ReadUInt32BigEndian(bytes[1..5]) == bytes.Length - 5)
        {
            try
            {
                deserialize(bytes[5..].ToArray());
            }
            catch (InvalidProtocolBufferException)
            {
                context.Response.StatusCode = StatusCodes.Status200OK;
                context.Response.ContentType = "application/grpc";
                context.Response.Headers["grpc-status"] = ((int)StatusCode.InvalidArgument).ToString(System.Globalization.CultureInfo.InvariantCulture);
                context.Response.Headers["grpc-message"] = "request: the message could not be decoded as " + method.FullName.Split('/')[^1] + "Request";
                return;
            }
        }

        await next(context);
    }

    /// <summary>The protobuf parser of the request type of a generated Method&lt;TRequest, TResponse&gt;.</summary>
    private static Func<byte[], object>? DeserializerOf(IMethod method)
    {
        var type = method.GetType();
        if (!type.IsGenericType || type.GetGenericArguments()[0].GetProperty("Parser")?.GetValue(null) is not MessageParser parser)
        {
            return null;
        }

        return bytes => parser.ParseFrom(bytes);
    }
}
