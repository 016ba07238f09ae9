using Accreditation.BuildingBlocks.Auth;
using Accreditation.Contracts.Enrolment.V1;
using Accreditation.Contracts.Observation.V1;
using Accreditation.Contracts.Operations.V1;
using Accreditation.Contracts.Reporting.V1;
using Accreditation.Contracts.Testing.V1;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;

namespace Accreditation.Cli;

/// <summary>
/// gRPC clients of the services, each call carrying a bearer token: the one given (a real cluster's)
/// or, when none is, a development token minted for the call's scope, subject and authority
/// (<see cref="Subjects"/>). Channels are opened when first used.
/// </summary>
public sealed class Endpoints : IDisposable
{
    /// <summary>The development signing key the services use in Development (appsettings.Development.json).</summary>
    public const string DevelopmentSigningKey = "development-only-signing-key-change-me-0123456789";

    private readonly EndpointSettings _settings;
    private readonly Lazy<GrpcChannel> _enrolment;
    private readonly Lazy<GrpcChannel> _testing;
    private readonly Lazy<GrpcChannel> _observation;
    private readonly Lazy<GrpcChannel> _reporting;

    /// <param name="httpHandler">Makes each channel's HTTP handler; null for sockets over HTTP/2.</param>
    public Endpoints(EndpointSettings settings, Func<HttpMessageHandler>? httpHandler = null)
    {
        _settings = settings ?? throw new ArgumentNullException(nameof(settings));
        Auth = new AuthOptions { SigningKey = settings.SigningKey };
        _enrolment = new(() => Channel(settings.EnrolmentUrl, httpHandler));
        _testing = new(() => Channel(settings.TestingUrl, httpHandler));
        _observation = new(() => Channel(settings.ObservationUrl, httpHandler));
        _reporting = new(() => Channel(settings.ReportingUrl, httpHandler));
    }

    public string EnrolmentUrl => _settings.EnrolmentUrl;

    public string TestingUrl => _settings.TestingUrl;

    public string ObservationUrl => _settings.ObservationUrl;

    public string ReportingUrl => _settings.ReportingUrl;

    public AuthOptions Auth { get; }

    /// <summary>Whether calls carry a given token rather than minted development tokens (then one token speaks for every role).</summary>
    public bool HasGivenToken => _settings.BearerToken is not null;

    /// <summary>The bearer token of a call: the given one, else a development token for the scope, subject and authority.</summary>
    public string Token(string scope, string? authority, string? subject = null) =>
        _settings.BearerToken ?? DevelopmentTokens.Mint(Auth, subject ?? Subjects.For(scope), [scope], authority, TimeSpan.FromHours(1));

    public string UrlOf(ServiceName service) => service switch
    {
        ServiceName.Enrolment => EnrolmentUrl,
        ServiceName.Testing => TestingUrl,
        ServiceName.Observation => ObservationUrl,
        _ => throw new ArgumentOutOfRangeException(nameof(service)),
    };

    public EnrolmentService.EnrolmentServiceClient Enrolment(string authority) =>
        new(Authenticated(_enrolment.Value, Token(Scopes.EnrolmentHr, authority)));

    public TestDeliveryService.TestDeliveryServiceClient Delivery() =>
        new(Authenticated(_testing.Value, Token(Scopes.TestDelivery, null)));

    public QuestionBankService.QuestionBankServiceClient BankAdmin() =>
        new(Authenticated(_testing.Value, Token(Scopes.BankAdmin, null)));

    public ScenarioAdminService.ScenarioAdminServiceClient ScenarioAdmin() =>
        new(Authenticated(_observation.Value, Token(Scopes.ObservationScenarioAdmin, null)));

    public RegistryService.RegistryServiceClient Registry() =>
        new(Authenticated(_observation.Value, Token(Scopes.ObservationScenarioAdmin, null)));

    public SchedulingService.SchedulingServiceClient Scheduling() =>
        new(Authenticated(_observation.Value, Token(Scopes.ObservationScheduling, null)));

    /// <summary>The scoring API as the assessor <paramref name="assessorId"/> (the token's subject).</summary>
    public ScoringService.ScoringServiceClient Scoring(string assessorId) =>
        new(Authenticated(_observation.Value, Token(Scopes.ObservationAssessor, null, assessorId)));

    /// <summary>The moderation API as <paramref name="moderatorId"/>, by default accredit's moderator.</summary>
    public ModerationService.ModerationServiceClient Moderation(string? moderatorId = null) =>
        new(Authenticated(_observation.Value, Token(Scopes.ObservationModerator, null, moderatorId)));

    /// <summary>The regulator's API (scope regulator, subject accredit-regulator).</summary>
    public RegulatorService.RegulatorServiceClient Regulator() =>
        new(Authenticated(_reporting.Value, Token(Scopes.Regulator, null)));

    /// <summary>The Department's evaluation API of Reporting (scope evaluation, subject accredit-evaluation).</summary>
    public EvaluationService.EvaluationServiceClient Evaluation() =>
        new(Authenticated(_reporting.Value, Token(Scopes.Evaluation, null)));

    /// <summary>A service's outbox operator API (scope operations).</summary>
    public OutboxAdminService.OutboxAdminServiceClient OutboxAdmin(ServiceName service)
    {
        var channel = service switch
        {
            ServiceName.Enrolment => _enrolment,
            ServiceName.Testing => _testing,
            ServiceName.Observation => _observation,
            _ => throw new ArgumentOutOfRangeException(nameof(service)),
        };
        return new(Authenticated(channel.Value, Token(Scopes.Operations, null)));
    }

    public void Dispose()
    {
        foreach (var channel in new[] { _enrolment, _testing, _observation, _reporting }.Where(c => c.IsValueCreated))
        {
            channel.Value.Dispose();
        }
    }

    private static GrpcChannel Channel(string url, Func<HttpMessageHandler>? httpHandler) => GrpcChannel.ForAddress(url, new GrpcChannelOptions
    {
        HttpHandler = httpHandler?.Invoke() ?? new SocketsHttpHandler { EnableMultipleHttp2Connections = true },
    });

    private static CallInvoker Authenticated(GrpcChannel channel, string token) =>
        channel.CreateCallInvoker().Intercept(headers =>
        {
            headers.Add("authorization", "Bearer " + token);
            return headers;
        });
}
