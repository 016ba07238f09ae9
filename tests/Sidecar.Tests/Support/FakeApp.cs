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
/// A minimal app for the sidecar to talk to: serves a fixed /dapr/subscribe answer, records every
/// POST and answers it with what <see cref="Answer"/> decides (by attempt number for that event id).
/// </summary>
public sealed class FakeApp : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, int> _attempts = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<ReceivedEvent> _received = new();
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

    /// <summary>Starts an app whose /dapr/subscribe returns <paramref name="subscriptionsJson"/>.</summary>
    public static async Task<FakeApp> StartAsync(string subscriptionsJson, Func<ReceivedEvent, AppAnswer> answer, int? port = null)
    {
        var appPort = port ?? FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, appPort, l => l.Protocols = HttpProtocols.Http1));
        var app = builder.Build();
        FakeApp? fake = null;
        app.MapGet("/dapr/subscribe", () => Results.Text(subscriptionsJson, "application/json"));
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
        var received = new ReceivedEvent(context.Request.Path, context.Request.ContentType, bytes, id, attempt);
        _received.Enqueue(received);
        var answer = Answer(received);
        if (answer.Hang)
        {
            await Task.WhenAny(_release.Task, Task.Delay(Timeout.Infinite, context.RequestAborted));
            context.Response.StatusCode = 500;
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
