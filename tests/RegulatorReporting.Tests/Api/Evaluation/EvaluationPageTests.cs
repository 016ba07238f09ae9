using System.Net;
using System.Text.RegularExpressions;
using Accreditation.BuildingBlocks.Auth;
using Accreditation.RegulatorReporting.Api;
using Accreditation.TestSupport;

namespace Accreditation.RegulatorReporting.Tests.Api.Evaluation;

/// <summary>The page over plain HTTP (the browser test renders it): served with a bearer token, or with ?access_token= where enabled; no script; the API's figures.</summary>
[Collection(RedisGroup.Name)]
public sealed partial class EvaluationPageTests(RedisFixture redis) : EvaluationApiTestBase(redis)
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Reporting:Evaluation:AcceptTokenInQuery"] = "true" };

    [GeneratedRegex("data-figure=\"([^\"]+)\"[^>]*>([^<]*)<", RegexOptions.CultureInvariant)]
    internal static partial Regex Figure();

    [Fact]
    public async Task Page_EvaluationBearerToken_HtmlWithoutScriptAndLockedDown()
    {
        await SeedAsync();
        using var client = HttpClient(EvaluationToken());

        using var response = await client.GetAsync(new Uri(EvaluationPage.Path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(EvaluationPage.ContentSecurityPolicy, string.Join(";", response.Headers.GetValues("Content-Security-Policy")));
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("http://", html.Replace("http://www.w3.org/2000/svg", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
        Assert.Contains("<svg", html, StringComparison.Ordinal);
        var figures = Figure().Matches(html).ToDictionary(m => WebUtility.HtmlDecode(m.Groups[1].Value), m => m.Groups[2].Value);
        Assert.Equal("13", figures["stages/phase-1/ROLE_CHILD_AND_FAMILY_PRACTITIONER/ALL/enrolled"]);
        Assert.Equal("c", figures["stages/phase-1/ROLE_CHILD_AND_FAMILY_PRACTITIONER/" + Authorities.Wigan + "/enrolled"]);
        Assert.Equal("100.0", figures["groups/phase-1/ROLE_CHILD_AND_FAMILY_PRACTITIONER/EQUALITY_DIMENSION_AGE_BAND/AGE_BAND_30_TO_39/EVALUATION_MEASURE_ACCREDITATION.gap"]);
    }

    [Fact]
    public async Task Page_TokenInQueryWhereEnabled_Ok()
    {
        using var client = HttpClient("");

        using var response = await client.GetAsync(new Uri(EvaluationPage.Path + "?access_token=" + EvaluationToken(), UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("No enrolments yet", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_OtherScopeInQuery_Forbidden()
    {
        using var client = HttpClient("");

        using var response = await client.GetAsync(new Uri(EvaluationPage.Path + "?access_token=" + Token("swe-register", null, Scopes.Regulator), UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task TokenInQuery_OnTheApiRoutes_NotAccepted()
    {
        using var client = HttpClient("");

        using var response = await client.GetAsync(new Uri("/v1/evaluation/stages?access_token=" + EvaluationToken(), UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
