using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Accreditation.BuildingBlocks.Telemetry;

public static class TelemetryExtensions
{
    /// <summary>Name prefix of the platform's ActivitySources and Meters.</summary>
    public const string SourcePrefix = "Accreditation.";

    /// <summary>OpenTelemetry tracing and metrics; exported over OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set.</summary>
    public static IServiceCollection AddPlatformTelemetry(this IServiceCollection services, IConfiguration configuration, string serviceName)
    {
        var otel = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName))
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation()
                // Outgoing HTTP, which includes every gRPC client call (Grpc.Net.Client runs on HttpClient): to the sidecar and between services.
                .AddHttpClientInstrumentation()
                .AddSource(SourcePrefix + "*"))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddMeter(SourcePrefix + "*"));
        if (!string.IsNullOrEmpty(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            otel.UseOtlpExporter();
            // Redis command spans cost a profiling session per traced request: on when traces are exported.
            services.AddSingleton<RedisCommandTracing>();
            services.AddHostedService<RedisTracingActivation>();
        }

        return services;
    }
}
