using Accreditation.BuildingBlocks.Hosting;
using Accreditation.BuildingBlocks.Subscriptions;
using Accreditation.Contracts;
using Accreditation.Contracts.Events.V1;
using Accreditation.Testing.Api;
using Accreditation.Testing.Domain;
using Microsoft.Extensions.Options;

namespace Accreditation.Testing;

/// <summary>Builds the Testing process; Program.cs runs it, tests start it on free loopback ports.</summary>
public static partial class TestingHost
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        configure?.Invoke(builder);
        builder.AddServiceDefaults(TestingServiceCollectionExtensions.ServiceName);
        builder.Services.AddTesting(builder.Configuration);

        var app = builder.Build();
        app.UseServiceDefaults();
        app.MapGrpcService<QuestionBankGrpcService>();
        app.MapGrpcService<TestDeliveryGrpcService>();
        app.MapSubscription<CandidateEnrolled>(Topics.CandidateEnrolled);
        app.MapSubscription<CandidateEndorsed>(Topics.CandidateEndorsed);
        app.MapSubscription<CandidateWithdrawn>(Topics.CandidateWithdrawn);
        app.MapSubscription<CandidateMoved>(Topics.CandidateMoved);

        var testing = app.Services.GetRequiredService<IOptions<TestingOptions>>().Value;
        LogConfiguration(app.Logger, testing.Blueprint.TotalItems, testing.Blueprint.Duration, testing.PassMarkPercentage, testing.Resits.CoolOff, testing.Resits.MaxAttempts);
        return app;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Testing: {Items} items in {Duration}, pass mark {PassMark}%, resit cool-off {CoolOff}, attempt limit {MaxAttempts} (0: none)")]
    private static partial void LogConfiguration(ILogger logger, int items, TimeSpan duration, double passMark, TimeSpan coolOff, int maxAttempts);
}
