using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Globalization;
using System.IO.Compression;
using Google.Protobuf;
using Grpc.AspNetCore.Server;
using Grpc.Core;
using Microsoft.AspNetCore.Http;

namespace Accreditation.BuildingBlocks.Errors;

/// <summary>
/// A unary gRPC request whose body is not exactly one decodable message is the caller's mistake:
/// answer INVALID_ARGUMENT instead of the UNKNOWN or INTERNAL that gRPC gives when reading or
/// deserialization fails before any interceptor runs. Reads the (small, single-message) request
/// body once, checks its framing (one length-prefixed message, no trailing or missing bytes), the
/// gzip compression its grpc-encoding names, and that the message decodes; then rewinds it for the
/// real handler. Anything over the size limit is left to gRPC's own RESOURCE_EXHAUSTED.
/// </summary>
public sealed class UndecodableRequestMiddleware(RequestDelegate next)
{
    public const int MaxMessageBytes = 4 * 1024 * 1024;
    private const int HeaderBytes = 5;
    private static readonly ConcurrentDictionary<IMethod, MessageParser?> Parsers = new();

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var method = context.GetEndpoint()?.Metadata.GetMetadata<GrpcMethodMetadata>()?.Method;
        // Only gRPC framing is checked here; HTTP/JSON (transcoded) requests are parsed by transcoding.
        if (method is null || method.Type != MethodType.Unary || context.Request.ContentLength > MaxMessageBytes + HeaderBytes
            || context.Request.ContentType?.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) != true)
        {
            await next(context);
            return;
        }

        var parser = Parsers.GetOrAdd(method, ParserOf);
        if (parser is null)
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
            if (buffer.Length > MaxMessageBytes + HeaderBytes)
            {
                context.Request.Body.Position = 0;
                await next(context);
                return;
            }
        }

        context.Request.Body.Position = 0;
        var problem = Check(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), context.Request.Headers["grpc-encoding"].ToString(), parser);
        if (problem is null)
        {
            await next(context);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/grpc";
        context.Response.Headers["grpc-status"] = ((int)StatusCode.InvalidArgument).ToString(CultureInfo.InvariantCulture);
        context.Response.Headers["grpc-message"] = $"request: {problem} ({method.FullName.Split('/')[^1]})";
    }

    /// <summary>What is wrong with a unary request body, or null when it is one decodable message (or too big to check here).</summary>
    internal static string? Check(ReadOnlySpan<byte> body, string encoding, MessageParser parser)
    {
        if (body.Length == 0)
        {
            // Even an empty request message travels as a 5-byte header; gRPC would answer INTERNAL.
            return "the body holds no gRPC message";
        }

        if (body.Length < HeaderBytes)
        {
            return "the body is shorter than a gRPC message header";
        }

        var compressed = body[0];
        var length = BinaryPrimitives.ReadUInt32BigEndian(body[1..HeaderBytes]);
        if (compressed > 1)
        {
            return "the message header's compression flag is not 0 or 1";
        }

        // The whole body (at most the size limit) is here, so a longer prefix is a lie, however large.
        if (length > body.Length - HeaderBytes)
        {
            return "the message is shorter than its length prefix says";
        }

        if (length < body.Length - HeaderBytes)
        {
            return "there are bytes after the one message a unary call takes";
        }

        var payload = body[HeaderBytes..];
        if (compressed == 1)
        {
            if (!string.Equals(encoding, "gzip", StringComparison.OrdinalIgnoreCase))
            {
                // Another or no encoding: gRPC answers it (UNIMPLEMENTED or INTERNAL per its own rules) only for non-gzip.
                return string.IsNullOrEmpty(encoding) || encoding == "identity" ? "the message is flagged compressed but grpc-encoding names no compression" : null;
            }

            var inflated = Gunzip(payload);
            if (inflated is null)
            {
                return "the gzip-compressed message is corrupt";
            }

            if (inflated.Length > MaxMessageBytes)
            {
                return null;
            }

            payload = inflated;
        }

        try
        {
            parser.ParseFrom(payload);
            return null;
        }
        catch (InvalidProtocolBufferException)
        {
            return "the message could not be decoded";
        }
    }

    /// <summary>The inflated bytes (at most one byte past the limit, to tell "too big"), or null when the gzip stream is corrupt.</summary>
    private static byte[]? Gunzip(ReadOnlySpan<byte> payload)
    {
        try
        {
            using var input = new MemoryStream(payload.ToArray());
            using var gzip = new GZipStream(input, CompressionMode.Decompress);
            using var output = new MemoryStream();
            var chunk = new byte[16 * 1024];
            int read;
            while ((read = gzip.Read(chunk, 0, chunk.Length)) > 0)
            {
                output.Write(chunk, 0, read);
                if (output.Length > MaxMessageBytes)
                {
                    break;
                }
            }

            return output.ToArray();
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    /// <summary>The protobuf parser of the request type of a generated Method&lt;TRequest, TResponse&gt;.</summary>
    private static MessageParser? ParserOf(IMethod method)
    {
        var type = method.GetType();
        return type.IsGenericType && type.GetGenericArguments()[0].GetProperty("Parser")?.GetValue(null) is MessageParser parser ? parser : null;
    }
}
