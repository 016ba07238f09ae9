using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Accreditation.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Logging;

namespace Accreditation.Sidecar.Tests.Support;

/// <summary>
/// A minimal app for the sidecar to talk to: serves a fixed /dapr/subscribe answer (recording the
/// headers of each GET), records every POST and answers it with what <see cref="Answer"/> decides
/// (by attempt number for that event id), and tracks how many deliveries of one event overlap.
/// </summary>
public sealed class FakeApp : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, int> _attempts = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<ReceivedEvent> _received = new();
    private readonly ConcurrentQueue<IReadOnlyDictionary<string, string>> _subscribeRequests = new();
    private readonly ConcurrentDictionary<string, int> _active = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private int _maxOverlap;
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private FakeApp(WebApplication app, int port, Func<ReceivedEvent, AppAnswer> answer)
    {
        _app = app;
        Port = port;
        Answer = answer;
    }

    public int Port { get; }

    public Func<ReceivedEvent, AppAnswer> Answer { get; set; }

    public IReadOnlyList<ReceivedEvent> Received => [.. _received];

    /// <summary>The distinct CloudEvent ids received, in first-arrival order (for at-least-once assertions).</summary>
    public IReadOnlyList<string?> DistinctEventIds => _received.Select(r => r.EventId).Distinct().ToList();

    /// <summary>The headers of every GET /dapr/subscribe the app answered.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string>> SubscribeRequests => [.. _subscribeRequests];

    /// <summary>The most deliveries of one and the same event id the app was handling at the same time.</summary>
    public int MaxConcurrentDeliveriesOfOneEvent
    {
        get
        {
            lock (_gate)
            {
                return _maxOverlap;
            }
        }
    }

    /// <summary>Starts an app whose /dapr/subscribe returns <paramref name="subscriptionsJson"/>.</summary>
    public static async Task<FakeApp> StartAsync(string subscriptionsJson, Func<ReceivedEvent, AppAnswer> answer, int? port = null)
    {
        var appPort = port ?? FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, appPort, l => l.Protocols = HttpProtocols.Http1));
        var app = builder.Build();
        FakeApp? fake = null;
        app.MapGet("/dapr/subscribe", (HttpContext context) =>
        {
            fake!._subscribeRequests.Enqueue(HeadersOf(context.Request));
            return Results.Text(subscriptionsJson, "application/json");
        });
        app.MapPost("/{**route}", async (HttpContext context) => await fake!.HandleAsync(context));
        fake = new FakeApp(app, appPort, answer);
        await app.StartAsync();
        return fake;
    }

    /// <summary>Lets every hanging request finish (with a 500 the sidecar no longer waits for).</summary>
    public void ReleaseHangingRequests() => _release.TrySetResult();

    public async ValueTask DisposeAsync()
    {
        ReleaseHangingRequests();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body);
        var bytes = body.ToArray();
        var id = EventIdOf(bytes);
        var attempt = _attempts.AddOrUpdate(id ?? "", 1, (_, n) => n + 1);
        var received = new ReceivedEvent(context.Request.Path, context.Request.ContentType, bytes, id, attempt, HeadersOf(context.Request));
        AppAnswer answer;
        Enter(id ?? "");
        try
        {
            _received.Enqueue(received);
            answer = Answer(received);
            if (answer.Hang)
            {
                await Task.WhenAny(_release.Task, Task.Delay(Timeout.Infinite, context.RequestAborted));
            }
        }
        finally
        {
            // Left before answering, so a retry the answer triggers never looks like an overlap.
            _active.AddOrUpdate(id ?? "", 0, (_, n) => n - 1);
        }

        await RespondAsync(context, answer);
    }

    private void Enter(string id)
    {
        var now = _active.AddOrUpdate(id, 1, (_, n) => n + 1);
        lock (_gate)
        {
            _maxOverlap = Math.Max(_maxOverlap, now);
        }
    }

    private static Dictionary<string, string> HeadersOf(HttpRequest request) =>
        request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString(), StringComparer.Ordinal);

    private static async Task RespondAsync(HttpContext context, AppAnswer answer)
    {
        if (context.RequestAborted.IsCancellationRequested)
        {
            return;
        }

        context.Response.StatusCode = answer.Status;
        if (answer.Body is not null)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(answer.Body);
        }
    }

    private static string? EventIdOf(byte[] body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            return doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("id", out var id)
                ? id.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
