using System.Net;
using Accreditation.BuildingBlocks.Auth;
using Accreditation.Contracts.Reporting.V1;
using Accreditation.RegulatorReporting.Api;
using Accreditation.TestSupport;
using Grpc.Core;

namespace Accreditation.RegulatorReporting.Tests.Api;

[Collection(RedisGroup.Name)]
public sealed class AuthorizationTests(RedisFixture redis) : ReportingApiTestBase(redis)
{
    /// <summary>One call on every RPC of the regulator's API, made through <paramref name="invoker"/>.</summary>
    public static IEnumerable<Func<CallInvoker, Task>> EveryRpc()
    {
        yield return i => new RegulatorService.RegulatorServiceClient(i).GetAccreditationStatusAsync(new GetAccreditationStatusRequest { RegistrationNumber = "SW1" }).ResponseAsync;
        yield return i => new RegulatorService.RegulatorServiceClient(i).CheckAccreditationStatusesAsync(new CheckAccreditationStatusesRequest { RegistrationNumbers = { "SW1" } }).ResponseAsync;
        yield return i => new RegulatorService.RegulatorServiceClient(i).ListRegisterEntriesAsync(new ListRegisterEntriesRequest()).ResponseAsync;
        yield return async i =>
        {
            using var call = new RegulatorService.RegulatorServiceClient(i).StreamRegisterChanges(new StreamRegisterChangesRequest { StopWhenCaughtUp = true });
            await call.ResponseStream.MoveNext(CancellationToken.None);
        };
        yield return async i =>
        {
            using var call = new RegulatorService.RegulatorServiceClient(i).ExportRegister(new ExportRegisterRequest());
            await call.ResponseStream.MoveNext(CancellationToken.None);
        };
    }

    public static TheoryData<string, string?> OtherCallers() => new()
    {
        { Scopes.EnrolmentHr, Authorities.Bury },
        { Scopes.TestDelivery, null },
        { "observation.assessor", null },
        { Scopes.Operations, null },
    };

    [Theory]
    [MemberData(nameof(OtherCallers))]
    public async Task EveryRpc_AnotherCallersToken_PermissionDenied(string scope, string? authority)
    {
        var other = InvokerWithAuthority("caller-" + scope, authority, scope);
        Assert.Equal(5, EveryRpc().Count());
        foreach (var call in EveryRpc())
        {
            await FailsWith(StatusCode.PermissionDenied, () => call(other));
        }
    }

    [Fact]
    public async Task EveryRpc_NoToken_Unauthenticated()
    {
        var anonymous = Host.Channel.CreateCallInvoker();
        foreach (var call in EveryRpc())
        {
            await FailsWith(StatusCode.Unauthenticated, () => call(anonymous));
        }
    }

    [Fact]
    public async Task EveryRpc_RegulatorTokenWithoutSubject_PermissionDenied()
    {
        var noSubject = Invoker("", ReportingScopes.Regulator);
        foreach (var call in EveryRpc())
        {
            await FailsWith(StatusCode.PermissionDenied, () => call(noSubject));
        }
    }

    [Fact]
    public async Task EveryRpc_RegulatorToken_Answers()
    {
        foreach (var call in EveryRpc())
        {
            await call(Invoker("swe-register", ReportingScopes.Regulator));
        }
    }

    public static TheoryData<string> HttpRoutes() =>
    [
        "/v1/register/status/SW1",
        "/v1/register/check?registration_numbers=SW1",
        "/v1/register/entries",
        "/v1/register/changes?stop_when_caught_up=true",
        "/v1/register/export",
        RegulatorHttpEndpoints.CheckCsvPath + "?registration_numbers=SW1",
        RegulatorHttpEndpoints.ExportCsvPath,
    ];

    [Theory]
    [MemberData(nameof(HttpRoutes))]
    public async Task HttpRoute_OtherCallersTokens_Forbidden(string route)
    {
        foreach (var token in new[] { Token("hr", Authorities.Bury, Scopes.EnrolmentHr), Token("platform", null, Scopes.TestDelivery), Token("assessor-1", null, "observation.assessor") })
        {
            using var client = HttpClient(token);
            using var response = await client.GetAsync(new Uri(route, UriKind.Relative));
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }
    }

    [Theory]
    [MemberData(nameof(HttpRoutes))]
    public async Task HttpRoute_NoToken_Unauthorized(string route)
    {
        using var client = HttpClient("");
        using var response = await client.GetAsync(new Uri(route, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(HttpRoutes))]
    public async Task HttpRoute_OnTheSidecarsAppPort_NotFound(string route)
    {
        using var response = await Host.Http.GetAsync(new Uri(route, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task SidecarEndpoints_OnThePublicHttpPort_NotFound()
    {
        using var client = HttpClient();
        using var subscribe = await client.GetAsync(new Uri("/dapr/subscribe", UriKind.Relative));
        using var content = new StringContent("{}");
        using var delivery = await client.PostAsync(new Uri("/events/" + Contracts.Topics.CandidateEnrolled, UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.NotFound, subscribe.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, delivery.StatusCode);
    }
}
