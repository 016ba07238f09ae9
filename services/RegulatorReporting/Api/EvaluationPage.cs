using Accreditation.BuildingBlocks.Hosting;
using Accreditation.RegulatorReporting.Application;
using Accreditation.RegulatorReporting.Domain.Evaluation;

namespace Accreditation.RegulatorReporting.Api;

/// <summary>
/// GET /evaluation (public HTTP port, scope evaluation): the evaluation figures as a server-rendered
/// page, tables and inline SVG charts, readable with scripts off and needing nothing from the
/// internet. ?phase= shows one phase. The page carries exactly the API's controlled figures.
/// </summary>
public static class EvaluationPage
{
    public const string Path = "/evaluation";

    /// <summary>No scripts, nothing fetched from elsewhere; inline styles and data: images only.</summary>
    public const string ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public static IEndpointRouteBuilder MapEvaluationPage(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet(Path, RenderAsync)
            .RequireAuthorization(ReportingPolicies.Evaluation)
            .WithMetadata(PublicHttpEndpoint.Instance);
        return endpoints;
    }

    private static async Task RenderAsync(HttpContext context, EvaluationQueries queries, TimeProvider clock)
    {
        var phase = (context.Request.Query["phase"].ToString() ?? "").Trim();
        var cohort = await queries.CohortAsync();
        var stages = EvaluationTables.StageFigures(cohort)
            .Where(r => phase.Length == 0 || string.Equals(r.Phase, phase, StringComparison.OrdinalIgnoreCase))
            .ToList();
        var groups = new List<GroupTable>();
        foreach (var (p, role) in stages.Select(r => (r.Phase, r.Role)).Distinct())
        {
            foreach (var dimension in MonitoringGroups.Dimensions)
            {
                groups.Add(EvaluationTables.GroupGaps(cohort, p, role, dimension));
            }
        }

        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers["Referrer-Policy"] = "no-referrer";
        context.Response.Headers.XContentTypeOptions = "nosniff";
        await context.Response.WriteAsync(EvaluationHtml.Render(stages, groups, clock.GetUtcNow()), context.RequestAborted);
    }
}
