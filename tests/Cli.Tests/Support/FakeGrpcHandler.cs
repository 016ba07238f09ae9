using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using Google.Protobuf;
using Grpc.Core;

namespace Accreditation.Cli.Tests.Support;

/// <summary>
/// Stands in for the services in process: records every gRPC request accredit sends (address,
/// method, headers, message) and answers with the message <see cref="Respond"/> (or, when set,
/// <see cref="RespondTo"/>) gives, NOT_FOUND when it gives none, or the status of the
/// <see cref="RpcException"/> it throws; server-streaming requests with the messages
/// <see cref="StreamTo"/> gives. No sockets: it is the channel's HTTP handler.
/// </summary>
public sealed class FakeGrpcHandler : HttpMessageHandler
{
    private readonly ConcurrentQueue<(HttpRequestMessage Request, byte[] Message)> _requests = new();

    /// <summary>The answer to a request (by its path, /package.Service/Method); null answers NOT_FOUND.</summary>
    public Func<string, IMessage?> Respond { get; init; } = _ => null;

    /// <summary>The answer to a request by its path and its message's bytes; wins over <see cref="Respond"/> when set.</summary>
    public Func<string, byte[], IMessage?>? RespondTo { get; init; }

    /// <summary>
    /// The answer to a server-streaming request by its path and its message's bytes: the messages
    /// (see <see cref="FakeServerStream"/>), or null when the request is not answered with a stream.
    /// An <see cref="RpcException"/> thrown before the first message refuses the call outright.
    /// </summary>
    public Func<string, byte[], IAsyncEnumerable<IMessage>?>? StreamTo { get; init; }

    public IReadOnlyList<HttpRequestMessage> Requests => [.. _requests.Select(r => r.Request)];

    /// <summary>The paths (/package.Service/Method) of the requests, in order.</summary>
    public IReadOnlyList<string> Paths => [.. Requests.Select(r => r.RequestUri!.AbsolutePath)];

    /// <summary>The bearer token of each request, in order.</summary>
    public IReadOnlyList<string?> BearerTokens =>
        [.. Requests.Select(r => r.Headers.Authorization is { Scheme: "Bearer" } auth ? auth.Parameter : null)];

    /// <summary>A handler factory for <see cref="CliHost.HttpHandler"/> whose channels all share this recorder.</summary>
    public Func<HttpMessageHandler> Factory => () => new Delegating(this);

    /// <summary>The messages of the requests to a method (path ending in /<paramref name="method"/>), in order.</summary>
    public IReadOnlyList<T> Sent<T>(string method)
        where T : IMessage<T>, new()
    {
        var parser = new MessageParser<T>(() => new T());
        return [.. _requests.Where(r => r.Request.RequestUri!.AbsolutePath.EndsWith("/" + method, StringComparison.Ordinal)).Select(r => parser.ParseFrom(r.Message))];
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var frame = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        var message = frame.Length >= 5 ? frame[5..] : [];
        _requests.Enqueue((request, message));
        var path = request.RequestUri!.AbsolutePath;
        var response = new HttpResponseMessage(HttpStatusCode.OK) { Version = HttpVersion.Version20, RequestMessage = request };
        if (StreamTo is not null)
        {
            IAsyncEnumerable<IMessage>? messages;
            try
            {
                messages = StreamTo(path, message);
            }
            catch (RpcException e)
            {
                return Refuse(response, e.StatusCode, e.Status.Detail);
            }

            if (messages is not null)
            {
                response.Content = new StreamContent(new FakeServerStream(messages, response));
                response.Content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
                return response;
            }
        }

        IMessage? answer;
        try
        {
            answer = RespondTo is null ? Respond(path) : RespondTo(path, message);
        }
        catch (RpcException e)
        {
            return Refuse(response, e.StatusCode, e.Status.Detail);
        }

        if (answer is null)
        {
            return Refuse(response, StatusCode.NotFound, "fake: nothing here");
        }

        var body = answer.ToByteArray();
        var reply = new byte[5 + body.Length];
        BinaryPrimitives.WriteUInt32BigEndian(reply.AsSpan(1), (uint)body.Length);
        body.CopyTo(reply.AsSpan(5));
        response.Content = new ByteArrayContent(reply);
        response.Content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
        response.TrailingHeaders.Add("grpc-status", "0");
        return response;
    }

    private static HttpResponseMessage Refuse(HttpResponseMessage response, StatusCode code, string detail)
    {
        response.Content = new ByteArrayContent([]);
        response.Content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
        response.Headers.Add("grpc-status", ((int)code).ToString(System.Globalization.CultureInfo.InvariantCulture));
        response.Headers.Add("grpc-message", Uri.EscapeDataString(detail));
        return response;
    }

    /// <summary>One channel's handler; disposing it leaves the shared recorder alone.</summary>
    private sealed class Delegating(FakeGrpcHandler inner) : HttpMessageHandler
    {
        private readonly HttpMessageInvoker _invoker = new(inner, disposeHandler: false);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            _invoker.SendAsync(request, cancellationToken);

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _invoker.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
