using System.CommandLine;
using Accreditation.Cli.Output;
using Accreditation.Contracts.Common.V1;
using Accreditation.Contracts.Enrolment.V1;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Spectre.Console;

namespace Accreditation.Cli.Commands;

/// <summary>enrol, endorse, withdraw, move, show and list: one call each to the Enrolment API, printing protobuf JSON (list: a table).</summary>
internal static class EnrolmentVerbs
{
    private const string RoleError = "--role must be practitioner or supervisor";

    private static readonly JsonFormatter Json = new(JsonFormatter.Settings.Default.WithIndentation());

    public static IEnumerable<Command> Create(VerbContext context) =>
        [Enrol(context), Endorse(context), Withdraw(context), Move(context), Show(context), List(context)];

    private static Command Enrol(VerbContext context)
    {
        var authority = CommonOptions.Authority("Employing authority (GSS code), e.g. E08000002");
        var registration = Required("--registration-number", "Social Work England registration number, e.g. SW123", "number");
        var givenName = Required("--given-name", "Candidate's given name", "name");
        var familyName = Required("--family-name", "Candidate's family name", "name");
        var email = Required("--email", "Candidate's work email", "address");
        var role = RoleOption(RoleError);
        role.Description = "Role assessed for [default: practitioner]";
        var hrReference = Optional("--hr-reference", "The council's HR reference for the candidate", "ref", "CLI");
        var consentVersion = Optional("--consent-version", "Version of the consent text the candidate agreed to", "version", "2018-06");
        var filming = new Option<bool>("--filming-consent") { Description = "The candidate consents to being filmed in the simulated practice" };
        var requestId = CommonOptions.RequestId();
        var command = new Command("enrol", "Enrol a candidate for an authority")
        {
            authority, registration, givenName, familyName, email, role, hrReference, consentVersion, filming, requestId,
        };
        command.SetAction(async (result, ct) =>
        {
            using var endpoints = context.Connect(result);
            var gss = result.GetRequiredValue(authority);
            var response = await endpoints.Enrolment(gss).EnrolCandidateAsync(
                new EnrolCandidateRequest
                {
                    ClientRequestId = result.GetValue(requestId) ?? Guid.NewGuid().ToString(),
                    RegistrationNumber = result.GetRequiredValue(registration),
                    GivenName = result.GetRequiredValue(givenName),
                    FamilyName = result.GetRequiredValue(familyName),
                    WorkEmail = result.GetRequiredValue(email),
                    Role = result.GetResult(role) is null ? Role.ChildAndFamilyPractitioner : result.GetValue(role),
                    EmployingAuthorityCode = gss,
                    HrReference = result.GetRequiredValue(hrReference),
                    Consent = new Consent
                    {
                        AssessmentConsent = true,
                        ConsentedAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow),
                        ConsentTextVersion = result.GetRequiredValue(consentVersion),
                        FilmingConsent = result.GetValue(filming),
                    },
                },
                cancellationToken: ct);
            await context.Output.WriteLineAsync(Json.Format(response.Enrolment));
            return 0;
        });
        return command;
    }

    private static Command Endorse(VerbContext context)
    {
        var authority = CommonOptions.Authority();
        var enrolment = CommonOptions.Enrolment();
        var name = Required("--endorser-name", "Name of the manager endorsing the candidate", "name");
        var title = Optional("--endorser-title", "Job title of the endorser", "title", "Practice supervisor");
        var requestId = CommonOptions.RequestId();
        var command = new Command("endorse", "Endorse an enrolment (the manager's endorsement)") { authority, enrolment, name, title, requestId };
        command.SetAction(async (result, ct) =>
        {
            using var endpoints = context.Connect(result);
            var response = await endpoints.Enrolment(result.GetRequiredValue(authority)).EndorseEnrolmentAsync(
                new EndorseEnrolmentRequest
                {
                    ClientRequestId = result.GetValue(requestId) ?? Guid.NewGuid().ToString(),
                    EnrolmentId = result.GetRequiredValue(enrolment),
                    EndorserName = result.GetRequiredValue(name),
                    EndorserJobTitle = result.GetRequiredValue(title),
                },
                cancellationToken: ct);
            await context.Output.WriteLineAsync(Json.Format(response.Enrolment));
            return 0;
        });
        return command;
    }

    private static Command Withdraw(VerbContext context)
    {
        var authority = CommonOptions.Authority();
        var enrolment = CommonOptions.Enrolment();
        var reason = Optional("--reason", "Why the candidate withdraws", "text", "Withdrawn by the candidate");
        var requestId = CommonOptions.RequestId();
        var command = new Command("withdraw", "Withdraw an enrolment") { authority, enrolment, reason, requestId };
        command.SetAction(async (result, ct) =>
        {
            using var endpoints = context.Connect(result);
            var response = await endpoints.Enrolment(result.GetRequiredValue(authority)).WithdrawEnrolmentAsync(
                new WithdrawEnrolmentRequest
                {
                    ClientRequestId = result.GetValue(requestId) ?? Guid.NewGuid().ToString(),
                    EnrolmentId = result.GetRequiredValue(enrolment),
                    Reason = result.GetRequiredValue(reason),
                },
                cancellationToken: ct);
            await context.Output.WriteLineAsync(Json.Format(response.Enrolment));
            return 0;
        });
        return command;
    }

    private static Command Move(VerbContext context)
    {
        var authority = CommonOptions.Authority("Authority (GSS code) the candidate leaves, e.g. E08000002");
        var enrolment = CommonOptions.Enrolment();
        var to = Required("--to", "Authority (GSS code) the candidate joins", "gss");
        var hrReference = Optional("--hr-reference", "The new authority's HR reference for the candidate", "ref", "CLI");
        var requestId = CommonOptions.RequestId();
        var command = new Command("move", "Move an enrolment to another authority") { authority, enrolment, to, hrReference, requestId };
        command.SetAction(async (result, ct) =>
        {
            using var endpoints = context.Connect(result);
            var response = await endpoints.Enrolment(result.GetRequiredValue(authority)).MoveEnrolmentAsync(
                new MoveEnrolmentRequest
                {
                    ClientRequestId = result.GetValue(requestId) ?? Guid.NewGuid().ToString(),
                    EnrolmentId = result.GetRequiredValue(enrolment),
                    NewAuthorityCode = result.GetRequiredValue(to),
                    NewHrReference = result.GetRequiredValue(hrReference),
                },
                cancellationToken: ct);
            await context.Output.WriteLineAsync(Json.Format(response.Enrolment));
            return 0;
        });
        return command;
    }

    private static Command Show(VerbContext context)
    {
        var authority = CommonOptions.Authority();
        var enrolment = CommonOptions.Enrolment();
        var command = new Command("show", "Show an enrolment") { authority, enrolment };
        command.SetAction(async (result, ct) =>
        {
            using var endpoints = context.Connect(result);
            var response = await endpoints.Enrolment(result.GetRequiredValue(authority)).GetEnrolmentAsync(
                new GetEnrolmentRequest { EnrolmentId = result.GetRequiredValue(enrolment) },
                cancellationToken: ct);
            await context.Output.WriteLineAsync(Json.Format(response.Enrolment));
            return 0;
        });
        return command;
    }

    private static Command List(VerbContext context)
    {
        var authority = CommonOptions.Authority("Authority (GSS code) whose enrolments are listed, e.g. E08000002");
        var role = RoleOption(RoleError);
        role.Description = "Only candidates of this role [default: every role]";
        var state = CommonOptions.Parsed<EnrolmentState>("--state", Parse.State, "--state must be enrolled, endorsed or withdrawn");
        state.Description = "Only enrolments in this state [default: every state]";
        state.HelpName = "enrolled|endorsed|withdrawn";
        var pageSize = CommonOptions.Number("--page-size", "Enrolments fetched per call", 100, 1);
        var command = new Command("list", "List an authority's enrolments as a table") { authority, role, state, pageSize };
        command.SetAction(async (result, ct) =>
        {
            using var endpoints = context.Connect(result);
            var client = endpoints.Enrolment(result.GetRequiredValue(authority));
            var request = new ListEnrolmentsRequest
            {
                Role = result.GetValue(role),
                State = result.GetValue(state),
                Page = new PageRequest { PageSize = result.GetValue(pageSize) },
            };
            var table = Tables.Create(
                Tables.Text("enrolment"), Tables.Text("registration"), Tables.Text("role"), Tables.Text("state"), Tables.Text("name"));
            var count = 0;
            do
            {
                var page = await client.ListEnrolmentsAsync(request, cancellationToken: ct);
                foreach (var e in page.Enrolments)
                {
                    count++;
                    table.Row(e.EnrolmentId, e.RegistrationNumber, e.Role, e.State, $"{e.GivenName} {e.FamilyName}");
                }

                request.Page.PageToken = page.NextPageToken;
            }
            while (request.Page.PageToken.Length > 0);

            var console = context.OutputConsole();
            console.WriteTable(table);
            console.WriteLine($"{count} enrolments");
            return 0;
        });
        return command;
    }

    private static Option<Role> RoleOption(string error)
    {
        var role = CommonOptions.Parsed<Role>("--role", Parse.Role, error);
        role.HelpName = "practitioner|supervisor";
        return role;
    }

    private static Option<string> Required(string name, string description, string helpName) =>
        new(name) { Description = description, HelpName = helpName, Required = true };

    private static Option<string> Optional(string name, string description, string helpName, string fallback) =>
        new(name) { Description = description, HelpName = helpName, DefaultValueFactory = _ => fallback };
}
