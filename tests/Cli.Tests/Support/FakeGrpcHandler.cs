using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using Google.Protobuf;

namespace Accreditation.Cli.Tests.Support;

/// <summary>
/// Stands in for the services in process: records every gRPC request accredit sends (address,
/// method, headers) and answers with the message <see cref="Respond"/> gives, or NOT_FOUND when it
/// gives none. No sockets: it is the channel's HTTP handler.
/// </summary>
public sealed class FakeGrpcHandler : HttpMessageHandler
{
    private readonly ConcurrentQueue<HttpRequestMessage> _requests = new();

    /// <summary>The answer to a request (by its path, /package.Service/Method); null answers NOT_FOUND.</summary>
    public Func<string, IMessage?> Respond { get; init; } = _ => null;

    public IReadOnlyList<HttpRequestMessage> Requests => [.. _requests];

    /// <summary>The bearer token of each request, in order.</summary>
    public IReadOnlyList<string?> BearerTokens =>
        [.. Requests.Select(r => r.Headers.Authorization is { Scheme: "Bearer" } auth ? auth.Parameter : null)];

    /// <summary>A handler factory for <see cref="CliHost.HttpHandler"/> whose channels all share this recorder.</summary>
    public Func<HttpMessageHandler> Factory => () => new Delegating(this);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        _requests.Enqueue(request);
        var answer = Respond(request.RequestUri!.AbsolutePath);
        var response = new HttpResponseMessage(HttpStatusCode.OK) { Version = HttpVersion.Version20, RequestMessage = request };
        if (answer is null)
        {
            response.Content = new ByteArrayContent([]);
            response.Content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
            response.Headers.Add("grpc-status", "5");
            response.Headers.Add("grpc-message", "fake: nothing here");
            return Task.FromResult(response);
        }

        var body = answer.ToByteArray();
        var frame = new byte[5 + body.Length];
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), (uint)body.Length);
        body.CopyTo(frame.AsSpan(5));
        response.Content = new ByteArrayContent(frame);
        response.Content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
        response.TrailingHeaders.Add("grpc-status", "0");
        return Task.FromResult(response);
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
