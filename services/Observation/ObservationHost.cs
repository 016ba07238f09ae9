using Accreditation.BuildingBlocks.Hosting;
using Accreditation.BuildingBlocks.Subscriptions;
using Accreditation.Contracts;
using Accreditation.Contracts.Events.V1;
using Accreditation.Observation.Api;
using Accreditation.Observation.Domain;
using Microsoft.Extensions.Options;

namespace Accreditation.Observation;

/// <summary>Builds the Observation process; Program.cs runs it, tests start it on free loopback ports.</summary>
public static partial class ObservationHost
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        configure?.Invoke(builder);
        builder.AddServiceDefaults(ObservationServiceCollectionExtensions.ServiceName);
        builder.Services.AddObservation(builder.Configuration);

        var app = builder.Build();
        app.UseServiceDefaults();
        app.MapGrpcService<ScenarioAdminGrpcService>();
        app.MapGrpcService<RegistryGrpcService>();
        app.MapGrpcService<SchedulingGrpcService>();
        app.MapGrpcService<ScoringGrpcService>();
        app.MapGrpcService<ModerationGrpcService>();
        app.MapGrpcService<ScoreAuditGrpcService>();
        app.MapSubscription<CandidateEnrolled>(Topics.CandidateEnrolled);
        app.MapSubscription<CandidateEndorsed>(Topics.CandidateEndorsed);
        app.MapSubscription<CandidateWithdrawn>(Topics.CandidateWithdrawn);
        app.MapSubscription<CandidateMoved>(Topics.CandidateMoved);

        var o = app.Services.GetRequiredService<IOptions<ObservationOptions>>().Value;
        LogConfiguration(app.Logger, o.Components.Simulations, o.Components.Reflective, o.Components.Written, o.PassRule.CriterionMinimum, o.PassRule.AverageMinimum, o.Moderation.SampleShare, o.Resits.CoolOff, o.Resits.MaxAttempts);
        return app;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Observation: {Simulations} simulations, reflective {Reflective}, written {Written}; pass at criterion minimum {CriterionMinimum} and component mean {AverageMinimum}; second-marking share {Share}; resit cool-off {CoolOff}, attempt limit {MaxAttempts} (0: none)")]
    private static partial void LogConfiguration(ILogger logger, int simulations, bool reflective, bool written, int criterionMinimum, double averageMinimum, double share, TimeSpan coolOff, int maxAttempts);
}
