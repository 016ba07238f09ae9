using Accreditation.BuildingBlocks.Hosting;
using Accreditation.BuildingBlocks.Subscriptions;
using Accreditation.Contracts;
using Accreditation.Contracts.Events.V1;
using Accreditation.Enrolment.Domain;
using Accreditation.Enrolment.Api;

namespace Accreditation.Enrolment;

/// <summary>Builds the Enrolment process; Program.cs runs it, tests start it on free loopback ports.</summary>
public static partial class EnrolmentHost
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        configure?.Invoke(builder);
        builder.AddServiceDefaults(EnrolmentServiceCollectionExtensions.ServiceName);
        builder.Services.AddEnrolment(builder.Configuration);

        var app = builder.Build();
        app.UseServiceDefaults();
        app.MapGrpcService<EnrolmentGrpcService>();
        app.MapSubscription<AccreditationAwarded>(Topics.AccreditationAwarded);

        // Fail at start, not at the first call, when the phase configuration breaks a rule.
        var phase = app.Services.GetRequiredService<RolloutPhase>();
        LogPhase(app.Logger, phase.Name, phase.Participants.Count);
        return app;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Enrolment serves {Phase} with {AuthorityCount} participating authorities")]
    private static partial void LogPhase(ILogger logger, string phase, int authorityCount);
}
