using System.Net;
using Accreditation.BuildingBlocks.Auth;
using Accreditation.Contracts.Common.V1;
using Accreditation.Contracts.Reporting.V1;
using Accreditation.RegulatorReporting.Api;
using Accreditation.TestSupport;
using Grpc.Core;

namespace Accreditation.RegulatorReporting.Tests.Api.Evaluation;

/// <summary>Only the evaluation scope reaches the evaluation; the evaluation scope reaches no single candidate.</summary>
[Collection(RedisGroup.Name)]
public sealed class EvaluationAuthorizationTests(RedisFixture redis) : EvaluationApiTestBase(redis)
{
    /// <summary>One call on every RPC of the evaluation API.</summary>
    public static IEnumerable<Func<CallInvoker, Task>> EveryEvaluationRpc()
    {
        yield return i => new EvaluationService.EvaluationServiceClient(i).GetStageFiguresAsync(new GetStageFiguresRequest()).ResponseAsync;
        yield return i => new EvaluationService.EvaluationServiceClient(i).GetGroupGapsAsync(new GetGroupGapsRequest { Phase = "phase-1", Role = Role.ChildAndFamilyPractitioner, Dimension = EqualityDimension.Sex }).ResponseAsync;
    }

    public static TheoryData<string> EvaluationHttpRoutes() =>
    [
        "/v1/evaluation/stages",
        "/v1/evaluation/groups?phase=phase-1&role=ROLE_CHILD_AND_FAMILY_PRACTITIONER&dimension=EQUALITY_DIMENSION_SEX",
        EvaluationPage.Path,
    ];

    public static TheoryData<string, string?> OtherCallers() => new()
    {
        { Scopes.EnrolmentHr, Authorities.Bury },
        { Scopes.Regulator, null },
        { Scopes.TestDelivery, null },
        { Scopes.ObservationAssessor, null },
        { Scopes.Operations, null },
    };

    [Theory]
    [MemberData(nameof(OtherCallers))]
    public async Task EveryEvaluationRpc_AnotherCallersToken_PermissionDenied(string scope, string? authority)
    {
        var other = InvokerWithAuthority("caller-" + scope, authority, scope);
        Assert.Equal(EvaluationService.Descriptor.Methods.Count, EveryEvaluationRpc().Count());
        foreach (var call in EveryEvaluationRpc())
        {
            await FailsWith(StatusCode.PermissionDenied, () => call(other));
        }
    }

    [Fact]
    public async Task EveryEvaluationRpc_EvaluationToken_Answers()
    {
        foreach (var call in EveryEvaluationRpc())
        {
            await call(Invoker("dfe-evaluation", ReportingScopes.Evaluation));
        }
    }

    [Fact]
    public async Task EveryEvaluationRpc_NoTokenOrNoSubject_UnauthenticatedOrPermissionDenied()
    {
        foreach (var call in EveryEvaluationRpc())
        {
            await FailsWith(StatusCode.Unauthenticated, () => call(Host.Channel.CreateCallInvoker()));
            await FailsWith(StatusCode.PermissionDenied, () => call(Invoker("", ReportingScopes.Evaluation)));
        }
    }

    [Fact]
    public async Task EveryRegulatorRpc_EvaluationToken_PermissionDenied()
    {
        await SeedAsync();
        var evaluation = Invoker("dfe-evaluation", ReportingScopes.Evaluation);
        Assert.Equal(RegulatorService.Descriptor.Methods.Count, AuthorizationTests.EveryRpc().Count());
        foreach (var call in AuthorizationTests.EveryRpc())
        {
            await FailsWith(StatusCode.PermissionDenied, () => call(evaluation));
        }
    }

    [Theory]
    [MemberData(nameof(AuthorizationTests.HttpRoutes), MemberType = typeof(AuthorizationTests))]
    public async Task RegulatorHttpRoute_EvaluationToken_Forbidden(string route)
    {
        using var client = HttpClient(EvaluationToken());

        using var response = await client.GetAsync(new Uri(route, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(EvaluationHttpRoutes))]
    public async Task EvaluationHttpRoute_OtherCallersTokens_Forbidden(string route)
    {
        foreach (var token in new[] { Token("hr", Authorities.Bury, Scopes.EnrolmentHr), Token("swe-register", null, Scopes.Regulator), Token("platform", null, Scopes.TestDelivery), Token("assessor-1", null, Scopes.ObservationAssessor) })
        {
            using var client = HttpClient(token);
            using var response = await client.GetAsync(new Uri(route, UriKind.Relative));
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }
    }

    [Theory]
    [MemberData(nameof(EvaluationHttpRoutes))]
    public async Task EvaluationHttpRoute_NoToken_Unauthorized(string route)
    {
        using var client = HttpClient("");

        using var response = await client.GetAsync(new Uri(route, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(EvaluationHttpRoutes))]
    public async Task EvaluationHttpRoute_EvaluationToken_Ok(string route)
    {
        using var client = HttpClient(EvaluationToken());

        using var response = await client.GetAsync(new Uri(route, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(EvaluationHttpRoutes))]
    public async Task EvaluationHttpRoute_OnTheSidecarsAppPort_NotFound(string route)
    {
        using var response = await Host.Http.GetAsync(new Uri(route, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Page_TokenInQueryWhenNotEnabled_Unauthorized()
    {
        using var client = HttpClient("");

        using var response = await client.GetAsync(new Uri(EvaluationPage.Path + "?access_token=" + EvaluationToken(), UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
