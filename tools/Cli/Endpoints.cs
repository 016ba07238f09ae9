using Accreditation.BuildingBlocks.Auth;
using Accreditation.Contracts.Enrolment.V1;
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

    public Endpoints(CliArguments args)
    {
        ArgumentNullException.ThrowIfNull(args);
        EnrolmentUrl = args.Optional("enrolment-url") ?? Environment.GetEnvironmentVariable("ACCREDIT_ENROLMENT_URL") ?? "http://127.0.0.1:5000";
        Auth = new AuthOptions
        {
            SigningKey = args.Optional("signing-key") ?? Environment.GetEnvironmentVariable("ACCREDIT_SIGNING_KEY") ?? DevelopmentSigningKey,
        };
        _enrolment = GrpcChannel.ForAddress(EnrolmentUrl, new GrpcChannelOptions
        {
            HttpHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true },
        });
    }

    public string EnrolmentUrl { get; }

    public AuthOptions Auth { get; }

    public string Token(string scope, string? authority) =>
        DevelopmentTokens.Mint(Auth, "accredit-cli", [scope], authority, TimeSpan.FromHours(1));

    public EnrolmentService.EnrolmentServiceClient Enrolment(string authority)
    {
        var token = Token(Scopes.EnrolmentHr, authority);
        return new EnrolmentService.EnrolmentServiceClient(_enrolment.CreateCallInvoker().Intercept(headers =>
        {
            headers.Add("authorization", "Bearer " + token);
            return headers;
        }));
    }

    public void Dispose() => _enrolment.Dispose();
}
