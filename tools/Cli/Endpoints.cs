using Accreditation.BuildingBlocks.Auth;
using Accreditation.Contracts.Enrolment.V1;
using Accreditation.Contracts.Testing.V1;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;

namespace Accreditation.Cli;

/// <summary>Where the services are and how to authenticate to them (development tokens).</summary>
public sealed class Endpoints : IDisposable
{
    /// <summary>The development signing key the services use in Development (appsettings.Development.json).</summary>
    public const string DevelopmentSigningKey = "development-only-signing-key-change-me-0123456789";

    private readonly GrpcChannel _enrolment;
    private readonly GrpcChannel _testing;

    public Endpoints(CliArguments args)
    {
        ArgumentNullException.ThrowIfNull(args);
        EnrolmentUrl = args.Optional("enrolment-url") ?? Environment.GetEnvironmentVariable("ACCREDIT_ENROLMENT_URL") ?? "http://127.0.0.1:5000";
        Auth = new AuthOptions
        {
            SigningKey = args.Optional("signing-key") ?? Environment.GetEnvironmentVariable("ACCREDIT_SIGNING_KEY") ?? DevelopmentSigningKey,
        };
        TestingUrl = args.Optional("testing-url") ?? Environment.GetEnvironmentVariable("ACCREDIT_TESTING_URL") ?? "http://127.0.0.1:5010";
        _enrolment = Channel(EnrolmentUrl);
        _testing = Channel(TestingUrl);
    }

    public string EnrolmentUrl { get; }

    public string TestingUrl { get; }

    public AuthOptions Auth { get; }

    public string Token(string scope, string? authority) =>
        DevelopmentTokens.Mint(Auth, "accredit-cli", [scope], authority, TimeSpan.FromHours(1));

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

    private static GrpcChannel Channel(string url) => GrpcChannel.ForAddress(url, new GrpcChannelOptions
    {
        HttpHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true },
    });

    private static CallInvoker Authenticated(GrpcChannel channel, string token) =>
        channel.CreateCallInvoker().Intercept(headers =>
        {
            headers.Add("authorization", "Bearer " + token);
            return headers;
        });
}
