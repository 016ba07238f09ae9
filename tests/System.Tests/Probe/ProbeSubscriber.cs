using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using Accreditation.Contracts;
using Accreditation.TestSupport;
using Dapr;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Logging;

namespace Accreditation.System.Tests.Probe;

/// <summary>
/// A downstream subscriber standing in for every consumer to come: an in-process ASP.NET Core app
/// on a free loopback port that subscribes the way services do (Dapr.AspNetCore's
/// MapSubscribeHandler and WithTopic with a dead-letter topic) to every integration event topic,
/// through its own sidecar (app id "probe", so its own consumer group sees every message). It
/// records each delivery as it came over the wire (the raw CloudEvent: id, source, type, data) and
/// always answers SUCCESS; a payload it cannot parse is recorded as rejected and DROPped.
/// </summary>
public sealed class ProbeSubscriber : IAsyncDisposable
{
    public const string AppId = "probe";

    private static readonly JsonParser Parser = new(JsonParser.Settings.Default);

    private readonly ConcurrentQueue<ReceivedEvent> _received = new();
    private readonly ConcurrentQueue<string> _rejected = new();
    private WebApplication? _app;
    private long _sequence;

    private ProbeSubscriber(int port) => Port = port;

    public int Port { get; }

    /// <summary>Every delivery so far, in arrival order.</summary>
    public IReadOnlyList<ReceivedEvent> Received => [.. _received];

    /// <summary>Deliveries the probe could not read, with the reason.</summary>
    public IReadOnlyList<string> Rejected => [.. _rejected];

    public static async Task<ProbeSubscriber> StartAsync(IReadOnlyDictionary<string, MessageDescriptor> topics)
    {
        ArgumentNullException.ThrowIfNull(topics);
        var probe = new ProbeSubscriber(FreePort.Next());
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, probe.Port, listen => listen.Protocols = HttpProtocols.Http1));
        var app = builder.Build();
        app.MapSubscribeHandler();
        foreach (var (topic, descriptor) in topics)
        {
            app.MapPost("/probe/" + topic, (HttpRequest request) => probe.ReceiveAsync(request, topic, descriptor))
                .WithTopic(new TopicOptions
                {
                    PubsubName = Topics.PubSubName,
                    Name = topic,
                    DeadLetterTopic = Topics.DeadLetterFor("probe", topic),
                });
        }

        await app.StartAsync();
        probe._app = app;
        return probe;
    }

    /// <summary>Deliveries of <typeparamref name="T"/> that match <paramref name="where"/>, in arrival order.</summary>
    public IReadOnlyList<Delivery<T>> Of<T>(Func<T, bool>? where = null)
        where T : IMessage<T>
    {
        return [.. _received
            .Where(e => e.Payload is T)
            .Select(e => new Delivery<T>(e, (T)e.Payload))
            .Where(d => where is null || where(d.Message))];
    }

    /// <summary>A short account for failure messages: counts per topic and the last deliveries.</summary>
    public string Describe(int last = 15)
    {
        var received = Received;
        var text = new StringBuilder();
        text.Append("probe received ").Append(received.Count).Append(" deliveries: ");
        text.AppendJoin(", ", received.GroupBy(e => e.Topic).Select(g => $"{g.Key} x{g.Count()}"));
        text.AppendLine();
        foreach (var e in received.Skip(Math.Max(0, received.Count - last)))
        {
            text.Append("  ").AppendLine(e.ToString());
        }

        foreach (var reason in Rejected)
        {
            text.Append("  rejected: ").AppendLine(reason);
        }

        return text.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    private async Task<IResult> ReceiveAsync(HttpRequest request, string topic, MessageDescriptor descriptor)
    {
        string body;
        using (var reader = new StreamReader(request.Body, Encoding.UTF8))
        {
            body = await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
        }

        try
        {
            using var envelope = JsonDocument.Parse(body);
            var root = envelope.RootElement;
            var payload = Parser.Parse(DataOf(root), descriptor);
            _received.Enqueue(new ReceivedEvent(
                Interlocked.Increment(ref _sequence),
                topic,
                Attribute(root, "id"),
                Attribute(root, "source"),
                Attribute(root, "type"),
                payload,
                DateTimeOffset.UtcNow)
            {
                TraceParentHeader = request.Headers["traceparent"].FirstOrDefault(),
                TraceParent = root.TryGetProperty("traceparent", out var traceParent) ? traceParent.GetString() : null,
            });
            return Results.Json(new { status = "SUCCESS" });
        }
        catch (Exception e) when (e is JsonException or InvalidProtocolBufferException or InvalidJsonException or FormatException or InvalidOperationException)
        {
            _rejected.Enqueue($"{topic}: {e.GetType().Name}: {e.Message}; body: {body}");
            return Results.Json(new { status = "DROP" });
        }
    }

    /// <summary>The event's data as JSON text: inline JSON, a JSON string, or base64.</summary>
    private static string DataOf(JsonElement cloudEvent)
    {
        if (cloudEvent.TryGetProperty("data", out var data))
        {
            return data.ValueKind == JsonValueKind.String ? data.GetString()! : data.GetRawText();
        }

        if (cloudEvent.TryGetProperty("data_base64", out var base64))
        {
            return Encoding.UTF8.GetString(base64.GetBytesFromBase64());
        }

        throw new FormatException("the CloudEvent has neither data nor data_base64");
    }

    private static string Attribute(JsonElement cloudEvent, string name) =>
        cloudEvent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new FormatException($"the CloudEvent has no {name}");
}
