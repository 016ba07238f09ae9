using System.CommandLine;
using Accreditation.BuildingBlocks.Auth;
using Accreditation.Cli.Output;
using Accreditation.Cli.Reporting;
using Accreditation.Contracts.Common.V1;
using Accreditation.Contracts.Reporting.V1;
using Spectre.Console;

namespace Accreditation.Cli.Commands;

/// <summary>
/// evaluation: the Department's evaluation of a rollout phase from RegulatorReporting's
/// EvaluationService (scope evaluation, subject accredit-evaluation) at --reporting-url; or, with
/// --page-url, the address of the service's own page with a development token in its query.
/// </summary>
internal static class EvaluationVerb
{
    public const string ReportingHttpUrlVariable = "ACCREDIT_REPORTING_HTTP_URL";
    public const string DefaultReportingHttpUrl = "http://127.0.0.1:5032";

    /// <summary>The evaluation page's path on Reporting's public HTTP port.</summary>
    public const string PagePath = "/evaluation";

    public const string Legend = "c: suppressed; z: not applicable; rates in %";

    public static Command Create(VerbContext context)
    {
        var phase = new Option<string>("--phase") { Description = "Only this rollout phase, e.g. phase-1 [default: every phase]", HelpName = "phase" };
        var authority = CommonOptions.Parsed<string>("--authority", Parse.Gss, "--authority must be a GSS code, e.g. E08000002");
        authority.Description = "Only this authority's rows (GSS code), e.g. E08000002; the all-authorities rows stay";
        authority.HelpName = "gss";
        var role = CommonOptions.Parsed<Role>("--role", Parse.Role, "--role must be practitioner or supervisor");
        role.Description = "Only this role [default: every role]";
        role.HelpName = "practitioner|supervisor";
        var groups = CommonOptions.Parsed<EqualityDimension>("--groups", Parse.Dimension, "--groups must be age, ethnic, sex or disability");
        groups.Description = "Also the pass rates by equality-monitoring group for each phase and role shown, with each group's gap to the rest of the cohort (flagged when its interval excludes zero)";
        groups.HelpName = "age|ethnic|sex|disability";
        var pageUrl = new Option<bool>("--page-url")
        {
            Description = "Print the address of Reporting's evaluation page instead, carrying a development token as ?access_token= (Reporting reads the token from the query only in Development)",
        };
        var httpUrl = new Option<string>("--reporting-http-url")
        {
            Description = $"RegulatorReporting's public HTTP address, for --page-url [env: {ReportingHttpUrlVariable}; default: {DefaultReportingHttpUrl}]",
            HelpName = "url",
        };
        httpUrl.Validators.Add(GlobalOptions.ValidateUrl);
        var command = new Command(
            "evaluation",
            "Show the Department's evaluation figures: counts at each stage, pass rates and the median days to accreditation per phase, role and authority (c suppressed, z not applicable), and with --groups the gaps between equality-monitoring groups")
        {
            phase, authority, role, groups, pageUrl, httpUrl,
        };
        command.Validators.Add(result =>
        {
            if (result.GetValue(pageUrl) && (result.GetResult(authority) is not null || result.GetResult(role) is not null || result.GetResult(groups) is not null))
            {
                result.AddError("--page-url takes only --phase: the page shows every authority, role and group of the phase");
            }
        });
        command.SetAction(async (result, ct) =>
        {
            using var endpoints = context.Connect(result);
            var phaseName = result.GetValue(phase)?.Trim() ?? "";
            if (result.GetValue(pageUrl))
            {
                var at = result.GetValue(httpUrl) is { Length: > 0 } given ? given.Trim()
                    : context.Host.Variable(ReportingHttpUrlVariable) is { Length: > 0 } configured ? GlobalOptions.Url(configured.Trim(), ReportingHttpUrlVariable)
                    : DefaultReportingHttpUrl;
                if (endpoints.HasGivenToken)
                {
                    throw new UsageException("--page-url puts a development token in the address, which Reporting reads only in Development: leave out --token (ACCREDIT_TOKEN)");
                }

                await context.Output.WriteLineAsync(PageUrl(at, phaseName, endpoints.Token(Scopes.Evaluation, null)));
                return 0;
            }

            var client = endpoints.Evaluation();
            var rows = (await client.GetStageFiguresAsync(
                new GetStageFiguresRequest { Phase = phaseName, AuthorityCode = result.GetValue(authority) ?? "", Role = result.GetValue(role) },
                cancellationToken: ct)).Rows;
            var console = context.OutputConsole();
            if (rows.Count == 0)
            {
                console.WriteLine(phaseName.Length > 0 ? $"no evaluation figures for {phaseName}" : "no evaluation figures");
                return 0;
            }

            console.WriteTable(EvaluationText.StageTable(rows));
            if (result.GetResult(groups) is not null)
            {
                // ASCII when the console cannot show ▲: always on a plain console (redirected), as on a terminal without Unicode.
                var ascii = CliConsole.IsPlain(console) || !console.Profile.Capabilities.Unicode;
                var dimension = result.GetValue(groups);
                foreach (var (p, r) in rows.Select(row => (row.Phase, row.Role)).Distinct())
                {
                    var gaps = await client.GetGroupGapsAsync(new GetGroupGapsRequest { Phase = p, Role = r, Dimension = dimension }, cancellationToken: ct);
                    console.WriteLine();
                    console.WriteLine(EvaluationText.GroupHeading(gaps));
                    console.WriteTable(EvaluationText.GroupTable(gaps, ascii));
                }

                console.WriteLine();
                console.WriteLine($"{Legend}, gaps in percentage points, each with its 95% interval; {EvaluationText.Marker(ascii)}: the gap's interval excludes zero");
            }
            else
            {
                console.WriteLine(Legend);
            }

            return 0;
        });
        return command;
    }

    /// <summary>The page's address: <paramref name="baseUrl"/>/evaluation?phase=…&amp;access_token=… (no phase when none is given).</summary>
    public static string PageUrl(string baseUrl, string phase, string token)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        ArgumentNullException.ThrowIfNull(phase);
        var query = (phase.Length > 0 ? "phase=" + Uri.EscapeDataString(phase) + "&" : "") + "access_token=" + Uri.EscapeDataString(token);
        return baseUrl.TrimEnd('/') + PagePath + "?" + query;
    }
}
