using Accreditation.BuildingBlocks.Hosting;
using Accreditation.BuildingBlocks.Subscriptions;
using Accreditation.Contracts;
using Accreditation.Contracts.Events.V1;
using Accreditation.RegulatorReporting.Api;
using Accreditation.RegulatorReporting.Domain;
using Microsoft.Extensions.Options;

namespace Accreditation.RegulatorReporting;

/// <summary>
/// Builds the Reporting process; Program.cs runs it, tests start it on free loopback ports. Beside
/// the platform's two endpoints (h2c gRPC, the sidecar's app port) it listens on a third, public
/// HTTP/1.1 port (Service:HttpApiPort) for HTTP/JSON, CSV and the OpenAPI document.
/// </summary>
public static partial class RegulatorReportingHost
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        configure?.Invoke(builder);
        builder.AddServiceDefaults(RegulatorReportingServiceCollectionExtensions.ServiceName);
        builder.Services.AddRegulatorReporting(builder.Configuration);
        var app = builder.Build();
        app.UseServiceDefaults();
        app.MapGrpcService<RegulatorGrpcService>();
        app.MapGrpcService<EvaluationGrpcService>();
        app.MapRegulatorHttpEndpoints();
        app.MapEvaluationPage();
        app.MapSubscription<CandidateEnrolled>(Topics.CandidateEnrolled);
        app.MapSubscription<CandidateEndorsed>(Topics.CandidateEndorsed);
        app.MapSubscription<CandidateWithdrawn>(Topics.CandidateWithdrawn);
        app.MapSubscription<CandidateMoved>(Topics.CandidateMoved);
        app.MapSubscription<EqualityMonitoringRecorded>(Topics.EqualityMonitoringRecorded);
        app.MapSubscription<KnowledgeTestCompleted>(Topics.KnowledgeTestCompleted);
        app.MapSubscription<SimulatedPracticeCompleted>(Topics.SimulatedPracticeCompleted);
        app.MapSubscription<AccreditationRecorded>(Topics.AccreditationRecorded);

        var o = app.Services.GetRequiredService<IOptions<ReportingOptions>>().Value;
        var httpApiPort = app.Services.GetRequiredService<IOptions<ServiceHostOptions>>().Value.HttpApiPort;
        LogConfiguration(app.Logger, httpApiPort, o.Feed.RetainedChanges, o.Feed.PollInterval, o.Feed.MaxStreamDuration);
        return app;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reporting: HTTP/JSON on port {HttpPort} (0: none); the change feed keeps {RetainedChanges} changes, polls every {PollInterval}, streams for at most {MaxStreamDuration}")]
    private static partial void LogConfiguration(ILogger logger, int httpPort, int retainedChanges, TimeSpan pollInterval, TimeSpan maxStreamDuration);
}
