using Accreditation.Sidecar.Configuration;
using Accreditation.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace Accreditation.Sidecar.Tests.Support;

/// <summary>One in-process stand-in on free ports, with short timings so tests run fast.</summary>
public sealed class SidecarHarness : IAsyncDisposable
{
    private readonly WebApplication _app;
    private bool _stopped;

    private SidecarHarness(WebApplication app, SidecarOptions options, LogCapture logs)
    {
        _app = app;
        Options = options;
        Logs = logs;
    }

    public SidecarOptions Options { get; }

    /// <summary>Everything the instance logged (its own categories from Debug up, others from Warning up).</summary>
    public LogCapture Logs { get; }

    public string GrpcEndpoint => $"http://127.0.0.1:{Options.GrpcPort}";

    public Uri HttpEndpoint => new($"http://127.0.0.1:{Options.HttpPort}");

    /// <summary>
    /// Options for a test: unique ports, the fixture's Redis, fast polling and redelivery. The 1s
    /// processingTimeout only decides when an entry left pending is reclaimed; each delivery attempt
    /// keeps the default 60s delivery timeout, so a slow first answer on a loaded machine is not retried.
    /// </summary>
    public static SidecarOptions OptionsFor(RedisFixture redis, string appId, int? appPort) => new()
    {
        AppId = appId,
        AppPort = appPort,
        GrpcPort = FreePort.Next(),
        HttpPort = FreePort.Next(),
        RedisHost = redis.ConnectionString,
        ProcessingTimeout = TimeSpan.FromSeconds(1),
        RedeliverInterval = TimeSpan.FromMilliseconds(200),
        RetryCount = 2,
        RetryBackoff = TimeSpan.FromMilliseconds(20),
        PollInterval = TimeSpan.FromMilliseconds(20),
        DiscoveryRetryInterval = TimeSpan.FromMilliseconds(50),
    };

    public static async Task<SidecarHarness> StartAsync(SidecarOptions options, ITestOutputHelper? output = null)
    {
        var logs = new LogCapture();
        var app = SidecarApp.Build(options, logging =>
        {
            logging.ClearProviders();
            logging.AddProvider(logs);
            if (output is not null)
            {
                logging.AddProvider(new TestOutputLoggerProvider(output, options.AppId));
            }

            logging.SetMinimumLevel(LogLevel.Debug);
            logging.AddFilter((category, level) => level >= LogLevel.Warning || category?.StartsWith("Accreditation", StringComparison.Ordinal) == true);
        });
        await app.StartAsync();
        var harness = new SidecarHarness(app, options, logs);
        await harness.WaitUntilReadyAsync();
        return harness;
    }

    /// <summary>Waits for /v1.0/healthz to answer 204 (subscriptions read, consumers running).</summary>
    public async Task WaitUntilReadyAsync()
    {
        using var http = new HttpClient { BaseAddress = HttpEndpoint };
        await Eventually.WaitForAsync(
            async () =>
            {
                using var response = await http.GetAsync(new Uri("/v1.0/healthz", UriKind.Relative));
                return (int)response.StatusCode;
            },
            status => status == 204,
            $"sidecar {Options.AppId} healthy");
    }

    /// <summary>Stops the instance as a shutdown would: deliveries under way are abandoned unacknowledged.</summary>
    public async Task StopAsync()
    {
        if (!_stopped)
        {
            _stopped = true;
            await _app.StopAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await _app.DisposeAsync();
    }
}
