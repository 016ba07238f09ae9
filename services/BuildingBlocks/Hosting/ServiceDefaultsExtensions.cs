using System.Net;
using Accreditation.BuildingBlocks.Auth;
using Accreditation.BuildingBlocks.Errors;
using Accreditation.BuildingBlocks.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Accreditation.BuildingBlocks.Hosting;

public static class ServiceDefaultsExtensions
{
    /// <summary>
    /// What every service process has: the two Kestrel endpoints, gRPC with error mapping, health,
    /// reflection, bearer auth, the Dapr client and OpenTelemetry.
    /// </summary>
    public static WebApplicationBuilder AddServiceDefaults(this WebApplicationBuilder builder, string serviceName)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var section = builder.Configuration.GetSection(ServiceHostOptions.SectionName);
        builder.Services.Configure<ServiceHostOptions>(section);
        var host = section.Get<ServiceHostOptions>() ?? new ServiceHostOptions();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            var address = IPAddress.Parse(host.BindAddress);
            kestrel.Listen(address, host.GrpcPort, listen => listen.Protocols = HttpProtocols.Http2);
            kestrel.Listen(address, host.AppPort, listen => listen.Protocols = HttpProtocols.Http1);
        });

        builder.Services.AddGrpc(grpc =>
        {
            grpc.Interceptors.Add<ErrorMappingInterceptor>();
            grpc.EnableDetailedErrors = false;
            grpc.MaxReceiveMessageSize = 4 * 1024 * 1024;
        });
        builder.Services.AddGrpcReflection();
        builder.Services.AddGrpcHealthChecks();
        builder.Services.AddPlatformAuth(builder.Configuration);
        builder.Services.AddDaprClient();
        builder.Services.AddPlatformTelemetry(builder.Configuration, serviceName);
        builder.Services.AddSingleton<Idempotency.CommandLog>();
        return builder;
    }

    /// <summary>
    /// The request pipeline every service shares: CloudEvents unwrapping, routing, port separation,
    /// auth; then health (gRPC and HTTP), reflection and Dapr subscription discovery.
    /// </summary>
    public static WebApplication UseServiceDefaults(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseCloudEvents(new Dapr.CloudEventsMiddlewareOptions { ForwardCloudEventPropertiesAsHeaders = true });
        app.UseRouting();
        app.UseMiddleware<PortSeparationMiddleware>();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMiddleware<UndecodableRequestMiddleware>();
        app.MapGrpcHealthChecksService();
        app.MapGrpcReflectionService();
        app.MapHealthChecks("/healthz");
        app.MapSubscribeHandler();
        return app;
    }
}
