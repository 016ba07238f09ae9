using Accreditation.BuildingBlocks.Auth;
using Accreditation.Contracts.Enrolment.V1;
using Accreditation.Contracts.Testing.V1;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;

namespace Accreditation.Cli;

/// <summary>
/// gRPC clients of the services, each call carrying a bearer token: the one given (a real cluster's)
/// or, when none is, a development token minted for the call's scope and authority.
/// </summary>
public sealed class Endpoints : IDisposable
{
    /// <summary>The development signing key the services use in Development (appsettings.Development.json).</summary>
    public const string DevelopmentSigningKey = "development-only-signing-key-change-me-0123456789";

    private readonly EndpointSettings _settings;
    private readonly GrpcChannel _enrolment;
    private readonly GrpcChannel _testing;

    /// <param name="httpHandler">Makes each channel's HTTP handler; null for sockets over HTTP/2.</param>
    public Endpoints(EndpointSettings settings, Func<HttpMessageHandler>? httpHandler = null)
    {
        _settings = settings ?? throw new ArgumentNullException(nameof(settings));
        Auth = new AuthOptions { SigningKey = settings.SigningKey };
        _enrolment = Channel(settings.EnrolmentUrl, httpHandler);
        _testing = Channel(settings.TestingUrl, httpHandler);
    }

    public string EnrolmentUrl => _settings.EnrolmentUrl;

    public string TestingUrl => _settings.TestingUrl;

    public AuthOptions Auth { get; }

    /// <summary>The bearer token of a call: the given one, else a development token for the scope and authority.</summary>
    public string Token(string scope, string? authority) =>
        _settings.BearerToken ?? DevelopmentTokens.Mint(Auth, "accredit-cli", [scope], authority, TimeSpan.FromHours(1));

    public EnrolmentService.EnrolmentServiceClient Enrolment(string authority) =>
        new(Authenticated(_enrolment, Token(Scopes.EnrolmentHr, authority)));

    public TestDeliveryService.TestDeliveryServiceClient Delivery() =>
        new(Authenticated(_testing, Token(Scopes.TestDelivery, null)));

    public QuestionBankService.QuestionBankServiceClient BankAdmin() =>
        new(Authenticated(_testing, Token(Scopes.BankAdmin, null)));

    public void Dispose()
    {
        _enrolment.Dispose();
        _testing.Dispose();
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
