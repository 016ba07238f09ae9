using System.Net;
using Accreditation.Sidecar.Api;
using Accreditation.Sidecar.Components;
using Accreditation.Sidecar.Configuration;
using Accreditation.Sidecar.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Accreditation.Sidecar;

/// <summary>
/// Builds one stand-in instance. The program runs it; tests start it in-process:
/// <c>await using var app = SidecarApp.Build(options); await app.StartAsync(); ... await app.StopAsync();</c>
/// </summary>
public static class SidecarApp
{
    /// <param name="options">The instance's configuration (see <see cref="CommandLine"/> for the flags).</param>
    /// <param name="configureLogging">Optional logging set-up, e.g. to route logs to a test's output.</param>
    public static WebApplication Build(SidecarOptions options, Action<ILoggingBuilder>? configureLogging = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var resources = options.ResourcesPath is null ? null : ResourceFolder.Load(options.ResourcesPath, options.AppId);
        var components = SettingsResolver.Resolve(options, resources);

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(SidecarApp).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Logging.SetMinimumLevel(options.LogLevel);
        builder.Logging.AddFilter("Microsoft", level => level >= LogLevel.Warning || (options.LogLevel == LogLevel.Debug && level >= LogLevel.Information));
        builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", level => level >= options.LogLevel);
        configureLogging?.Invoke(builder.Logging);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            var address = IPAddress.Parse(options.ListenAddress);
            kestrel.Listen(address, options.GrpcPort, listen => listen.Protocols = HttpProtocols.Http2);
            kestrel.Listen(address, options.HttpPort, listen => listen.Protocols = HttpProtocols.Http1);
        });
        builder.Services
            .AddSidecarCore(options, components)
            .AddSidecarApi()
            .AddSidecarDelivery();

        var app = builder.Build();
        app.UseMiddleware<ApiTokenMiddleware>();
        app.MapGrpcService<DaprGrpcService>();
        app.MapSidecarHttpApi();
        LogStart(app, options, resources, components);
        return app;
    }

    private static void LogStart(WebApplication app, SidecarOptions options, ResourceSet? resources, IReadOnlyList<PubSubComponent> components)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SidecarApp).FullName!);
        foreach (var warning in resources?.Warnings ?? [])
        {
            SidecarLog.ResourceWarning(logger, warning);
        }

        if (components.Count == 0)
        {
            SidecarLog.ResourceWarning(logger, $"no pubsub.redis component for app {options.AppId} in {options.ResourcesPath}; publishing will fail");
        }

        foreach (var c in components)
        {
            var retry = c.InboundRetry ?? RetrySettings.Default;
            SidecarLog.Started(logger, options.AppId, options.GrpcPort, options.HttpPort, options.AppPort, c.Name, c.RedisHost, c.ProcessingTimeout, c.RedeliverInterval, c.DeliveryTimeout, retry.MaxRetries, retry.Exponential ? "exponential" : "constant", retry.Backoff);

            // Warned, not refused: daprd starts with such a configuration too, and the stand-in itself never
            // reclaims an entry it is still delivering; the risk is daprd or a second instance on the same group.
            if (c.RedeliverInterval > TimeSpan.Zero && !RetrySchedule.Covers(c.ProcessingTimeout, retry))
            {
                SidecarLog.ProcessingTimeoutTooShort(logger, c.Name, c.ProcessingTimeout, RetrySchedule.Length(retry), retry.MaxRetries, c.ConsumerId ?? options.AppId);
            }
        }
    }
}
