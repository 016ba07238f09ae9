using System.Net;
using Accreditation.BuildingBlocks.Auth;
using Accreditation.BuildingBlocks.Errors;
using Accreditation.BuildingBlocks.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Accreditation.BuildingBlocks.Hosting;

public static class ServiceDefaultsExtensions
{
    /// <summary>Environment variable of the token the service presents to its sidecar (Dapr's API token).</summary>
    public const string DaprApiTokenVariable = "DAPR_API_TOKEN";

    /// <summary>
    /// What every service process has: the two Kestrel endpoints, gRPC with error mapping, health,
    /// reflection (when enabled), bearer auth, the Dapr client and OpenTelemetry.
    /// </summary>
    /// <param name="serviceName">The service's name, which is also its Dapr app id.</param>
    public static WebApplicationBuilder AddServiceDefaults(this WebApplicationBuilder builder, string serviceName)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var section = builder.Configuration.GetSection(ServiceHostOptions.SectionName);
        builder.Services.Configure<ServiceHostOptions>(section);
        builder.Services.AddSingleton(new ServiceIdentity(serviceName));
        var host = section.Get<ServiceHostOptions>() ?? new ServiceHostOptions();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Parse(host.BindAddress), host.GrpcPort, listen => listen.Protocols = HttpProtocols.Http2);
            kestrel.Listen(IPAddress.Parse(host.AppBindAddress), host.AppPort, listen => listen.Protocols = HttpProtocols.Http1);
            if (host.HttpApiPort > 0)
            {
                kestrel.Listen(IPAddress.Parse(host.BindAddress), host.HttpApiPort, listen => listen.Protocols = HttpProtocols.Http1);
            }
        });

        builder.Services.AddGrpc(grpc =>
        {
            grpc.Interceptors.Add<ErrorMappingInterceptor>();
            grpc.EnableDetailedErrors = false;
            grpc.MaxReceiveMessageSize = UndecodableRequestMiddleware.MaxMessageBytes;
        });
        if (ReflectionEnabled(host, builder.Environment))
        {
            builder.Services.AddGrpcReflection();
        }

        builder.Services.AddPlatformHealth();
        builder.Services.AddPlatformAuth(builder.Configuration);
        var daprToken = builder.Configuration[DaprApiTokenVariable];
        builder.Services.AddDaprClient(dapr =>
        {
            if (!string.IsNullOrEmpty(daprToken))
            {
                dapr.UseDaprApiToken(daprToken);
            }
        });
        builder.Services.AddPlatformTelemetry(builder.Configuration, serviceName);
        builder.Services.AddSingleton<Idempotency.CommandLog>();
        return builder;
    }

    /// <summary>
    /// The request pipeline every service shares: the app port's sidecar token, CloudEvents
    /// unwrapping, routing, port separation, auth; then health (gRPC and HTTP), reflection (when
    /// enabled) and Dapr subscription discovery.
    /// </summary>
    public static WebApplication UseServiceDefaults(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseMiddleware<AppTokenMiddleware>();
        app.UseCloudEvents(new Dapr.CloudEventsMiddlewareOptions { ForwardCloudEventPropertiesAsHeaders = true });
        app.UseRouting();
        app.UseMiddleware<PortSeparationMiddleware>();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMiddleware<UndecodableRequestMiddleware>();
        app.MapGrpcHealthChecksService();
        var host = app.Configuration.GetSection(ServiceHostOptions.SectionName).Get<ServiceHostOptions>() ?? new ServiceHostOptions();
        if (ReflectionEnabled(host, app.Environment))
        {
            app.MapGrpcReflectionService();
        }

        if (app.Services.GetService<Outbox.OutboxStore>() is not null)
        {
            app.MapGrpcService<Outbox.Admin.OutboxAdminGrpcService>();
        }

        app.MapHealthChecks(HealthEndpoints.HttpPath);
        app.MapSubscribeHandler();
        return app;
    }

    /// <summary>Reflection is for operators: on in Development, off elsewhere unless Service:EnableReflection turns it on.</summary>
    private static bool ReflectionEnabled(ServiceHostOptions host, IHostEnvironment environment) =>
        host.EnableReflection ?? environment.IsDevelopment();
}
